"""`stubs`: write `.pyi` files so that type checkers flag deprecated imports in editors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ssot_registry.cli.common import EXIT_OK, UsageError, add_registry_option, emit, load_registry
from ssot_registry.registry import ImportPath

__all__ = ["register"]


def _stubs(options: argparse.Namespace) -> int:
    from ssot_registry.render.stubs import render_stubs
    from ssot_registry.validator.definition import kind_of_path, source_exists

    registry = load_registry(options)

    def kind_of(path: ImportPath) -> str | None:
        return None if options.no_import else kind_of_path(path)

    files = render_stubs(registry, kind_of, source_exists)
    folder = Path(options.output)
    try:
        for stub in files:
            target = folder / stub.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(stub.text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write stubs to {folder}: {error.strerror}") from None
    listing = "".join(f"  {folder / stub.path}\n" for stub in files)
    emit(f"Wrote {len(files)} stub file{'s' if len(files) != 1 else ''} to {folder}\n{listing}")
    return EXIT_OK


def register(commands: Any) -> None:
    """Add `stubs` to the subcommands."""
    stubs = commands.add_parser(
        "stubs", help="type stubs marking deprecated imports (PEP 702) for pyright and mypy"
    )
    add_registry_option(stubs)
    stubs.add_argument(
        "-o", "--output", metavar="DIR", default="typings", help="stub folder (default: typings)"
    )
    stubs.add_argument(
        "--no-import",
        action="store_true",
        help="do not import canonical objects to tell classes from functions",
    )
    stubs.set_defaults(handler=_stubs)

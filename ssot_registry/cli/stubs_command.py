"""`stubs`: write `.pyi` files so that type checkers flag deprecated imports in editors."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ssot_registry.cli.common import EXIT_OK, UsageError, add_registry_option, emit, load_registry

__all__ = ["register"]


def _stubs(options: argparse.Namespace) -> int:
    from ssot_registry.cli.stub_sources import SourceFacts
    from ssot_registry.render.stubs import render_stubs

    files = render_stubs(load_registry(options), SourceFacts())
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
        "stubs",
        help="type stubs marking deprecated imports (PEP 702) for pyright and mypy",
        description="""Write .pyi stubs for old paths that do not exist as source, so that type
        checkers resolve them and flag aliased plain functions as deprecated (PEP 702). Stubs never
        change a type: classes, enums and other objects are re-exported unmarked. Reads source
        only; imports nothing.""",
    )
    add_registry_option(stubs)
    stubs.add_argument(
        "-o", "--output", metavar="DIR", default="typings", help="stub folder (default: typings)"
    )
    stubs.add_argument(
        "--no-import",
        action="store_true",
        help=argparse.SUPPRESS,  # kept for old command lines: stubs never import now
    )
    stubs.set_defaults(handler=_stubs)

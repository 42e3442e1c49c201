"""`ssot-registry compile`: the validated registry as versioned JSON that loads without pydantic."""

from __future__ import annotations

import argparse
from typing import Any

from ssot_registry.cli.common import EXIT_OK, add_registry_option, emit, load_registry
from ssot_registry.registry.compiled_json import dump_compiled

__all__ = ["register"]


def _compile(options: argparse.Namespace) -> int:
    emit(dump_compiled(load_registry(options)), options.output)
    return EXIT_OK


def register(commands: Any) -> None:
    """Add `compile` to the subcommands."""
    parser = commands.add_parser(
        "compile",
        help="write the validated registry as JSON that load() and install() read without pydantic",
        description=(
            "Validate the registry and write it as versioned JSON that load() and install() "
            "read without pydantic or packaging."
        ),
    )
    add_registry_option(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.set_defaults(handler=_compile)

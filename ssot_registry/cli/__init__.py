"""The command line: a thin argparse shell over the library's use cases.

`main(argv) -> int` is the only place that turns errors into exit statuses:
0 all good, 1 findings, 2 unusable registry or wrong command line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ssot_registry._version import __version__
from ssot_registry.cli import (
    adopt_command,
    check_command,
    compile_command,
    diff_command,
    migrate_commands,
    registry_commands,
    stubs_command,
    triage_command,
)
from ssot_registry.cli.common import EXIT_ERROR, UsageError
from ssot_registry.exceptions import RegistryError

__all__ = ["build_parser", "main"]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The parser with every subcommand registered by its module."""
    parser = _Parser(
        prog="ssot-registry",
        description="One registry.toml as the single source of truth for import paths.",
    )
    parser.add_argument("--version", action="version", version=f"ssot-registry {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    for module in (
        check_command,
        registry_commands,
        migrate_commands,
        stubs_command,
        triage_command,
        adopt_command,
        diff_command,
        compile_command,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        options = build_parser().parse_args(arguments)
        status: int = options.handler(options)
    except UsageError as error:
        sys.stderr.write(f"ssot-registry: error: {error}\n")
        return EXIT_ERROR
    except RegistryError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("ssot-registry: interrupted\n")
        return 130
    return status

"""Pieces every command shares: exit statuses, adding a subcommand and its common options
(--registry, --format/--output, --jobs/--timeout, --isolate), writing output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Registry, find_registry, load, load_unchecked

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "Commands",
    "UsageError",
    "add_command",
    "add_isolation_options",
    "add_registry_option",
    "add_report_options",
    "add_worker_options",
    "emit",
    "installed_registries",
    "load_combined",
    "load_registries",
    "load_registry",
    "read_entries",
    "registry_path",
    "validate_workers",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class UsageError(Exception):
    """The command line is wrong; the message is the one-line reason."""


def add_command(
    commands: Commands,
    name: str,
    handler: Callable[[argparse.Namespace], int],
    summary: str,
    description: str,
) -> argparse.ArgumentParser:
    """Add subcommand `name`, run by `handler(options) -> exit status`; `summary` is its line
    in the command list, `description` opens its --help."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=description
    )
    parser.set_defaults(handler=handler)
    return parser


def add_report_options(
    parser: argparse.ArgumentParser,
    formats: Sequence[str] = (),
    *,
    output: str | None = "write the report to FILE, not stdout",
) -> None:
    """`--format` (one of `formats`, the first by default; none when empty) and
    `-o/--output FILE` with `output` as its help (none when None)."""
    if formats:
        parser.add_argument(
            "--format", choices=tuple(formats), default=formats[0], help="report format"
        )
    if output is not None:
        parser.add_argument("-o", "--output", metavar="FILE", help=output)


def add_worker_options(
    parser: argparse.ArgumentParser, *, timeout: str, jobs: str = "parallel workers (default: CPUs)"
) -> None:
    """`--jobs N` and `--timeout SECONDS` (default 30) for the commands that run workers;
    `validate_workers` checks them."""
    parser.add_argument("--jobs", type=int, metavar="N", help=jobs)
    parser.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help=timeout)


def validate_workers(options: argparse.Namespace) -> None:
    """UsageError unless --timeout and --jobs (when given) are greater than 0."""
    for flag, value in (("--timeout", options.timeout), ("--jobs", options.jobs)):
        if value is not None and value <= 0:
            raise UsageError(f"{flag} {value:g}: must be greater than 0")


def add_registry_option(parser: argparse.ArgumentParser, *, installed: bool = False) -> None:
    """`--registry FILE`, shared by every command that reads a registry; with `installed`,
    also `--installed` (use the registries installed distributions advertise too)."""
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="registry file (default: [tool.ssot-registry] in pyproject.toml, "
        "else ./registry.toml)",
    )
    if installed:
        parser.add_argument(
            "--installed",
            action="store_true",
            help="also use every registry that installed distributions advertise "
            "(entry-point group 'ssot_registry'); the project's registry is then optional",
        )


def add_isolation_options(parser: argparse.ArgumentParser, *, no_isolate: str) -> None:
    """`--isolate` (the default) or `--no-isolate` (`no_isolate` is its help), for the commands
    that import the user's code."""
    isolation = parser.add_mutually_exclusive_group()
    isolation.add_argument(
        "--isolate",
        dest="isolate",
        action="store_true",
        default=True,
        help="import each module in a fresh interpreter state (default)",
    )
    isolation.add_argument("--no-isolate", dest="isolate", action="store_false", help=no_isolate)


_NONE_INSTALLED = (
    "--installed: no registry found here and no installed distribution advertises one "
    "(entry-point group 'ssot_registry')"
)


def _project_registry(options: argparse.Namespace) -> Path | None:
    """The project's registry; with --installed and none given or found, None."""
    if not getattr(options, "installed", False) or options.registry is not None:
        return registry_path(options)
    try:
        return find_registry(None)
    except RegistryError:
        return None


def installed_registries(options: argparse.Namespace) -> tuple[Path | None, list[Registry]]:
    """(the project's registry file or None, the advertised registries other than it).

    Without --installed the list is empty; with it, at least one registry exists
    overall, else UsageError.
    """
    own = _project_registry(options)
    if not getattr(options, "installed", False):
        return own, []
    from ssot_registry.runtime.advertised import advertised_except

    others = advertised_except(own)
    if own is None and not others:
        raise UsageError(_NONE_INSTALLED)
    return own, others


def load_registries(options: argparse.Namespace) -> list[Registry]:
    """The project's registry, then with --installed every advertised one (an old path in
    the project's and in an installed registry is an error naming both)."""
    if not getattr(options, "installed", False):
        return [load(registry_path(options))]
    from ssot_registry.runtime.advertised import with_advertised

    own = _project_registry(options)
    registries = with_advertised(load(own) if own is not None else None)
    if not registries:
        raise UsageError(_NONE_INSTALLED)
    return registries


def load_combined(options: argparse.Namespace) -> Registry:
    """The registries of `load_registries` as one (for scan, migrate and export)."""
    from ssot_registry.registry.combined import combine

    return combine(load_registries(options))


def registry_path(options: argparse.Namespace) -> Path:
    """The registry file the options point at, by the documented discovery order."""
    return find_registry(options.registry)


def load_registry(options: argparse.Namespace) -> Registry:
    """Load the registry the options point at (RegistryError on any problem)."""
    return load(registry_path(options))


def read_entries(path: Path) -> Registry:
    """The registry from its compiled cache when it is clean, else validated for SSOT001 only
    (for commands that compare entries: SSOT002-005 are `check`'s business)."""
    try:
        return load(path)
    except RegistryError as error:
        if any(problem.code == "SSOT001" for problem in error.errors):
            raise
    return load_unchecked(path)


def emit(text: str, output: str | None = None) -> None:
    """Write a rendered report to `output` (a file) or to stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write --output {output}: {error.strerror}") from None

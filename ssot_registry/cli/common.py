"""Pieces every command shares: exit statuses, the --registry option, writing output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ssot_registry.registry import Registry, find_registry, load

__all__ = [
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "UsageError",
    "add_registry_option",
    "emit",
    "load_registry",
    "registry_path",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class UsageError(Exception):
    """The command line is wrong; the message is the one-line reason."""


def add_registry_option(parser: argparse.ArgumentParser) -> None:
    """`--registry FILE`, shared by every command that reads a registry."""
    parser.add_argument(
        "--registry",
        metavar="FILE",
        help="registry file (default: [tool.ssot-registry] in pyproject.toml, "
        "else ./registry.toml)",
    )


def registry_path(options: argparse.Namespace) -> Path:
    """The registry file the options point at, by the documented discovery order."""
    return find_registry(options.registry)


def load_registry(options: argparse.Namespace) -> Registry:
    """Load the registry the options point at (RegistryError on any problem)."""
    return load(registry_path(options))


def emit(text: str, output: str | None = None) -> None:
    """Write a rendered report to `output` (a file) or to stdout."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write --output {output}: {error.strerror}") from None

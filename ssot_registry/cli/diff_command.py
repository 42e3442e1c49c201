"""Compare the public API at a git revision with the working tree and report every path that
disappeared without a registry entry."""

from __future__ import annotations

import argparse

from ssot_registry.cli import common
from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Registry, find_registry, load

__all__ = ["register"]


def _registry(options: argparse.Namespace) -> Registry | None:
    """The working tree's registry; None when there is none (every removal is then SSOT301)."""
    try:
        path = find_registry(options.registry)
    except RegistryError:
        if options.registry is not None:
            raise
        return None
    if options.registry is None and not path.is_file():
        return None
    return load(path)


def _diff(options: argparse.Namespace) -> int:
    from ssot_registry.diff import DiffError, diff
    from ssot_registry.render.diff_report import (
        render_diff_github,
        render_diff_json,
        render_diff_text,
    )

    registry = _registry(options)
    try:
        report = diff(options.ref, options.paths, registry=registry)
    except DiffError as error:
        raise common.UsageError(str(error)) from None
    render = {"json": render_diff_json, "github": render_diff_github}.get(
        options.format, render_diff_text
    )
    common.emit(render(report), options.output)
    return common.EXIT_OK if report.ok else common.EXIT_FINDINGS


_SUMMARY = "public modules and names gone since a git revision without a registry entry"


def register(commands: common.Commands) -> None:
    """Add `diff` to the subcommands; the module docstring is its --help description."""
    diff = common.add_command(commands, "diff", _diff, _SUMMARY, __doc__)
    diff.add_argument("ref", metavar="REF", help="git revision to compare with (tag, branch, ...)")
    diff.add_argument("paths", nargs="*", metavar="PATH", help="folders to compare (default: .)")
    common.add_report_options(diff, ("text", "json", "github"))
    common.add_registry_option(diff)

"""`scan`, `migrate` and `export ruff`: thin shells over `ssot_registry.migration` and `render`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ssot_registry.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_registry_option,
    emit,
    load_combined,
)

__all__ = ["register"]

T = TypeVar("T")


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to read")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders matching GLOB (repeatable; .gitignore files are honoured)",
    )
    parser.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="worker processes (default: CPUs)"
    )
    add_registry_option(parser, installed=True)


def register(commands: Any) -> None:
    """Add `scan`, `migrate` and `export` (with `ruff`) to the command line."""
    scan = commands.add_parser(
        "scan",
        help="find uses of deprecated import paths in source files (exit 1 if any)",
        description="""Read .py and .pyi files (never importing them) and report every use of an
        alias, tombstone or [[external]] old path: imports, attribute chains and the mock.patch /
        import_module / monkeypatch.setattr / importorskip strings. Exit 1 when anything is
        found.""",
    )
    _add_paths(scan)
    scan.add_argument("--format", choices=("text", "json", "github"), default="text")
    scan.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    scan.add_argument(
        "--full-parse",
        action="store_true",
        help="parse every file that mentions a deprecated name (lists every syntax error)",
    )
    scan.set_defaults(handler=run_scan)

    migrate = commands.add_parser(
        "migrate",
        help="rewrite deprecated import paths (a diff, or in place with --write)",
        description="""Rewrite every deprecated path to its canonical one, byte-exact apart from
        the paths. Prints a unified diff; --write applies it. Exit 1 when something would change
        (without --write) or needs a person.""",
    )
    _add_paths(migrate)
    migrate.add_argument("--write", action="store_true", help="rewrite the files in place")
    migrate.set_defaults(handler=run_migrate)

    export = commands.add_parser(
        "export",
        help="export the registry for other tools",
        description="Export the registry's deprecated paths in another tool's format.",
    )
    formats = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    ruff = formats.add_parser(
        "ruff",
        help="the [lint.flake8-tidy-imports.banned-api] table for ruff (TID251)",
        description="""Print ruff's [lint.flake8-tidy-imports.banned-api] table (TID251) with every
        alias and external old path, as a marked block; -o FILE puts the block into a ruff config
        and replaces it on later runs.""",
    )
    add_registry_option(ruff, installed=True)
    ruff.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="put the table into the ruff config FILE (ruff.toml, .ruff.toml or "
        "pyproject.toml), replacing the block an earlier run wrote; other lines stay",
    )
    ruff.set_defaults(handler=run_export_ruff)


def _over_paths(
    options: argparse.Namespace, label: str, use_case: Callable[..., T], **settings: bool
) -> T:
    """Run `scan_report` or `migrate_report` over the command's paths behind a progress line
    (a missing path, a wrong --jobs: UsageError)."""
    from ssot_registry.render.terminal import Progress

    if options.jobs is not None and options.jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {options.jobs}")
    registry = load_combined(options)
    try:
        with Progress(label):
            return use_case(
                options.paths, registry, exclude=options.exclude, jobs=options.jobs, **settings
            )
    except FileNotFoundError as error:
        raise UsageError(f"{error}: no such file or directory") from None


def run_scan(options: argparse.Namespace) -> int:
    """`ssot-registry scan`: exit 1 when anything is found (or a file cannot be read)."""
    from ssot_registry.migration import scan_report
    from ssot_registry.render.scan_report import (
        render_findings_github,
        render_findings_json,
        render_findings_text,
    )
    from ssot_registry.render.terminal import Style

    report = _over_paths(
        options, "ssot-registry: scanning", scan_report, full_parse=options.full_parse
    )
    if options.format == "text":
        style = Style.for_stream(sys.stdout) if options.output is None else Style()
        text = render_findings_text(report, style)
    else:
        text = {"json": render_findings_json, "github": render_findings_github}[options.format](
            report
        )
    emit(text, options.output)
    return EXIT_FINDINGS if report.findings or report.errors else EXIT_OK


def run_migrate(options: argparse.Namespace) -> int:
    """`ssot-registry migrate`: print the diff (or write it); exit 1 when work is left."""
    from ssot_registry.migration import migrate_report
    from ssot_registry.render.scan_report import render_migration_summary
    from ssot_registry.render.terminal import Style

    label = "ssot-registry: rewriting" if options.write else "ssot-registry: reading"
    result = _over_paths(options, label, migrate_report, write=options.write)
    if not options.write:
        sys.stdout.write(result.diff)
    style = Style.for_stream(sys.stderr)
    sys.stderr.write(render_migration_summary(result, write=options.write, style=style))
    left = result.remaining or result.errors
    if options.write:
        return EXIT_FINDINGS if left else EXIT_OK
    return EXIT_FINDINGS if result.diffs or left else EXIT_OK


def run_export_ruff(options: argparse.Namespace) -> int:
    """`ssot-registry export ruff`: print ruff's banned-api block, or put it into `-o FILE`
    (replacing the block an earlier run wrote there)."""
    from ssot_registry.render.ruff import TABLE, render_ruff_banned_api, replace_block

    registry = load_combined(options)
    if options.output is None:
        emit(render_ruff_banned_api(registry))
        return EXIT_OK
    target = Path(options.output)
    table = f"tool.ruff.{TABLE}" if target.name == "pyproject.toml" else TABLE
    try:
        config = target.read_text(encoding="utf-8") if target.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read --output {target}: {error}") from None
    updated = replace_block(config, render_ruff_banned_api(registry, table=table))
    _check_toml(target, updated)
    emit(updated, options.output)
    return EXIT_OK


def _check_toml(target: Path, text: str) -> None:
    """Refuse to write a config that would not parse (e.g. a hand-written banned-api table)."""
    from ssot_registry.registry.toml import TomlSyntaxError, parse_toml

    try:
        parse_toml(text)
    except TomlSyntaxError as error:
        raise UsageError(
            f"{target}: adding the banned-api table would make it invalid TOML "
            f"({error.reason}); move the banned-api table already in {target} into the "
            "registry as [[external]] entries (or delete it), then run again"
        ) from None

"""Import every module under PATH as pytest does, group the failures by root cause, classify
them (SSOT201-208) and propose registry entries, with evidence."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ssot_registry.cli import common
from ssot_registry.exceptions import RegistryError

__all__ = ["register"]

FORMATS = ("text", "json", "github")
_SUMMARY = "explain why a tree does not import, and propose the registry entries that fix it"


def register(commands: common.Commands) -> None:
    """Add `triage` with every option of SPEC section 11 (the module docstring is its --help
    description)."""
    parser = common.add_command(commands, "triage", run, _SUMMARY, __doc__)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="folders or files to triage")
    common.add_registry_option(parser)
    parser.add_argument(
        "--static", action="store_true", help="execute no code: resolve imports from the sources"
    )
    common.add_isolation_options(
        parser, no_isolate="import every module in one worker process, in pytest's order"
    )
    common.add_worker_options(parser, timeout="per import (default: 30)")
    parser.add_argument(
        "--path", action="append", default=[], metavar="DIR", help="extra import root (repeatable)"
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip matching files"
    )
    parser.add_argument("--no-git", action="store_true", help="do not read git history")
    parser.add_argument(
        "--propose",
        metavar="FILE",
        help="write the proposals as a registry fragment and measure the tree with them",
    )
    common.add_report_options(parser, FORMATS)


def _registry(option: str | None) -> Any:
    """The registry (None when there is none yet and none was asked for)."""
    from ssot_registry.registry import find_registry

    try:
        path = find_registry(option)
    except RegistryError:
        return None
    return common.read_entries(path)


def run(options: argparse.Namespace) -> int:
    """Triage, render, and map the outcome to an exit status (0 all import, 1 otherwise)."""
    from ssot_registry.render.terminal import Progress
    from ssot_registry.render.triage_github import render_github
    from ssot_registry.render.triage_json import render_json
    from ssot_registry.render.triage_text import render_text
    from ssot_registry.triage import Options, triage

    common.validate_workers(options)
    for path in (*options.paths, *options.path):
        if not Path(path).exists():
            raise common.UsageError(f"{path}: no such file or folder")
    if options.propose is not None and not Path(options.propose).resolve().parent.is_dir():
        raise common.UsageError(f"--propose {options.propose}: the folder does not exist")
    settings = Options(
        static=options.static,
        isolate=options.isolate,
        jobs=options.jobs,
        timeout=options.timeout,
        paths=tuple(options.path),
        exclude=tuple(options.exclude),
        git=not options.no_git,
        propose=options.propose,
    )
    # the terminal's progress line, only when triage takes more than a second
    with Progress("ssot-registry triage", delay=1.0) as progress:
        report = triage(options.paths, _registry(options.registry), settings, progress)
    renderer = {"text": render_text, "json": render_json, "github": render_github}
    common.emit(renderer[options.format](report), options.output)
    return common.EXIT_OK if report.ok else common.EXIT_FINDINGS

"""Validate the registry: requirements, symbols and aliases (through the shims)."""

from __future__ import annotations

import argparse
import contextlib
import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ssot_registry.cli import common

if TYPE_CHECKING:
    from ssot_registry.registry import Registry

__all__ = ["register"]

FORMATS = ("text", "json", "junit", "github")
EXIT_TERMINATED = 128 + signal.SIGTERM


class _TerminatedError(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so every worker (and its group) is ended."""


def _terminate(signum: int, frame: object) -> None:
    raise _TerminatedError


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """Turn SIGTERM into an exception while checking (the main thread only)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _shard(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d+)/(\d+)", text)
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise common.UsageError(f"--shard {text}: expected I/N with 1 <= I <= N, e.g. --shard 1/4")
    return int(match[1]), int(match[2])


_SUMMARY = "prove that every entry imports, resolves and is installed"


def register(commands: common.Commands) -> None:
    """Add `check` with every option of SPEC section 5 (the module docstring is its --help
    description)."""
    parser = common.add_command(commands, "check", run, _SUMMARY, __doc__)
    common.add_registry_option(parser, installed=True)
    common.add_report_options(parser, FORMATS)
    common.add_isolation_options(
        parser,
        no_isolate="import everything in this process (faster; no timeout, a crash ends the run)",
    )
    common.add_worker_options(parser, timeout="kill an import that takes longer (default: 30)")
    parser.add_argument("--shard", metavar="I/N", help="check the I-th of N deterministic shards")
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="DIR",
        help="extra import root for the checked code (repeatable)",
    )


def run(options: argparse.Namespace) -> int:
    """Check, render, and map the outcome to an exit status (0 ok, 1 findings)."""
    from ssot_registry.render.check_many import render_reports
    from ssot_registry.render.terminal import Progress
    from ssot_registry.validator import check

    shard = _shard(options.shard) if options.shard else None
    common.validate_workers(options)
    own, installed = common.installed_registries(options)  # --installed: each registry on its own
    targets: list[Path | Registry] = [*([own] if own is not None else []), *installed]
    try:
        with _sigterm_unwinds(), Progress("ssot-registry: checking"):  # a terminal's stderr only
            reports = [
                check(
                    target,
                    isolate=options.isolate,
                    jobs=options.jobs,
                    timeout=options.timeout,
                    paths=options.path,
                    shard=shard,
                )
                for target in targets
            ]
    except _TerminatedError:
        sys.stderr.write("ssot-registry: terminated\n")
        return EXIT_TERMINATED
    common.emit(render_reports(reports, options.format), options.output)
    return common.EXIT_OK if all(report.ok for report in reports) else common.EXIT_FINDINGS

"""`ssot-registry check`: validate the registry against the code and the installed distributions."""

from __future__ import annotations

import argparse
import contextlib
import re
import signal
import sys
from collections.abc import Iterator
from typing import Any

from ssot_registry.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_registry_option,
    emit,
    registry_path,
)

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
        raise UsageError(f"--shard {text}: expected I/N with 1 <= I <= N, e.g. --shard 1/4")
    return int(match[1]), int(match[2])


def _positive(flag: str, value: float | None) -> None:
    if value is not None and value <= 0:
        raise UsageError(f"{flag} {value:g}: must be greater than 0")


def register(commands: Any) -> None:
    """Add `check` with every option of SPEC section 5."""
    parser = commands.add_parser(
        "check",
        help="prove that every entry imports, resolves and is installed",
        description="Validate the registry: requirements, symbols and aliases (through the shims).",
    )
    add_registry_option(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument("--output", metavar="FILE", help="write the report to FILE, not stdout")
    isolation = parser.add_mutually_exclusive_group()
    isolation.add_argument(
        "--isolate",
        dest="isolate",
        action="store_true",
        default=True,
        help="import each module in a fresh interpreter state (default)",
    )
    isolation.add_argument(
        "--no-isolate",
        dest="isolate",
        action="store_false",
        help="import everything in this process (faster; no timeout, a crash ends the run)",
    )
    parser.add_argument("--jobs", type=int, metavar="N", help="parallel workers (default: CPUs)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="kill an import that takes longer (default: 30)",
    )
    parser.add_argument("--shard", metavar="I/N", help="check the I-th of N deterministic shards")
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        metavar="DIR",
        help="extra import root for the checked code (repeatable)",
    )
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Check, render, and map the outcome to an exit status (0 ok, 1 findings)."""
    from ssot_registry.render.check_github import render_github
    from ssot_registry.render.check_json import render_json
    from ssot_registry.render.check_junit import render_junit
    from ssot_registry.render.check_text import render_text
    from ssot_registry.validator import check

    shard = _shard(options.shard) if options.shard else None
    _positive("--timeout", options.timeout)
    _positive("--jobs", options.jobs)
    try:
        with _sigterm_unwinds():
            report = check(
                registry_path(options),
                isolate=options.isolate,
                jobs=options.jobs,
                timeout=options.timeout,
                paths=options.path,
                shard=shard,
            )
    except _TerminatedError:
        sys.stderr.write("ssot-registry: terminated\n")
        return EXIT_TERMINATED
    renderer = {
        "text": render_text,
        "json": render_json,
        "junit": render_junit,
        "github": render_github,
    }[options.format]
    emit(renderer(report), options.output)
    return EXIT_OK if report.ok else EXIT_FINDINGS

"""Shared benchmark pieces: medians of repeated runs, ratio rows, the table printer.

The machine is shared and noisy, so every target is a ratio between two
things measured in the same run (medians of repeated runs), never one
absolute time.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Row", "median_seconds", "print_table", "ratio_row"]


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, against which baseline, and the target."""

    benchmark: str
    measured: str
    baseline: str
    ratio: float | None
    target: str
    passed: bool | None
    speedup: bool = False

    @property
    def ratio_text(self) -> str:
        """`1.43x`, or `45.2x faster` for rows whose target is a speed-up."""
        if self.ratio is None or self.ratio <= 0:
            return "-"
        return f"{1 / self.ratio:.1f}x faster" if self.speedup else f"{self.ratio:.2f}x"

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "MISSED", None: "-"}[self.passed]


def median_seconds(action: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    """Median wall time of `action` over `repeat` runs, after `warmup` unmeasured runs."""
    for _ in range(warmup):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def format_seconds(seconds: float) -> str:
    """`12.3 ms`, `4.5 µs`, `1.20 s`."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def ratio_row(
    benchmark: str,
    measured: float,
    baseline_name: str,
    baseline: float,
    *,
    at_most: float | None = None,
    at_least: float | None = None,
    unit: Callable[[float], str] = format_seconds,
) -> Row:
    """A row comparing `measured` with `baseline` (ratio = measured / baseline)."""
    ratio = measured / baseline if baseline else None
    if at_most is not None:
        target, passed = f"<= {at_most:g}x", (ratio is not None and ratio <= at_most)
    elif at_least is not None:
        # "at least N times faster": baseline / measured >= N, i.e. ratio <= 1/N
        target = f">= {at_least:g}x faster"
        passed = ratio is not None and ratio > 0 and 1 / ratio >= at_least
    else:
        target, passed = "-", None
    baseline_text = f"{baseline_name} {unit(baseline)}"
    return Row(
        benchmark, unit(measured), baseline_text, ratio, target, passed, at_least is not None
    )


def print_table(title: str, rows: list[Row]) -> str:
    """Render rows as a Markdown table (also readable in a terminal) and return it."""
    lines = [
        f"### {title}",
        "",
        "| benchmark | measured | baseline | ratio | target | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.benchmark} | {row.measured} | {row.baseline} | {row.ratio_text} "
            f"| {row.target} | {row.verdict} |"
        )
    text = "\n".join(lines) + "\n"
    print(text, flush=True)
    return text

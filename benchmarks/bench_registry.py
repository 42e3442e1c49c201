"""Loading a large registry: cold `load()` vs the bare TOML parse, warm (cached) vs cold."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._harness import Row, format_seconds, median_seconds, ratio_row
from ssot_registry.registry import load
from ssot_registry.registry.cache import cache_file
from ssot_registry.registry.toml import parse_toml

WORK = Path(__file__).parent / ".work" / "registry"
ALIASES = 10_000
SYMBOLS = 2_000


def generate_registry(aliases: int = ALIASES, symbols: int = SYMBOLS) -> str:
    """A registry shaped like a real one: symbols, then aliases with versions and reasons."""
    out = ["[registry]", "schema = 1", 'name = "generated"', "", "[symbols]"]
    out += [f'sym_{i} = "app.pkg{i % 50}.mod{i}:Thing{i}"' for i in range(symbols)]
    for i in range(aliases):
        out += [
            "",
            "[[alias]]",
            f'old = "app.old{i % 40}.mod{i}:thing{i}"',
            f'new = "app.new{i % 40}.mod{i}:thing{i}"',
            'since = "1.4.0"',
            'remove_in = "2.0.0"',
            'reason = "moved next to its callers"',
        ]
    return "\n".join(out) + "\n"


def run() -> tuple[str, list[Row]]:
    """Measure and return the table rows."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    path = WORK / "registry.toml"
    text = generate_registry()
    path.write_text(text, encoding="utf-8")
    entries = ALIASES + SYMBOLS

    toml_seconds = median_seconds(lambda: parse_toml(text), repeat=9)

    def cold() -> float:
        cache_file(path).unlink(missing_ok=True)
        start = time.perf_counter()
        load(path)
        return time.perf_counter() - start

    cold()
    cold_seconds = sorted(cold() for _ in range(9))[4]
    load(path)
    warm_seconds = median_seconds(lambda: load(path), repeat=21)
    per_entry = format_seconds(toml_seconds / entries)
    start_up = [
        sys.executable,
        "-c",
        f"from ssot_registry.registry import load; load({str(path)!r})",
    ]
    bare = [sys.executable, "-c", "import typing, dataclasses, pathlib"]
    start_seconds = median_seconds(lambda: subprocess.run(start_up, check=True), repeat=11)
    bare_seconds = median_seconds(lambda: subprocess.run(bare, check=True), repeat=11)
    rows = [
        ratio_row(
            f"cold load() of {ALIASES:,} aliases + {SYMBOLS:,} symbols",
            cold_seconds,
            f"tomllib.loads ({per_entry}/entry)",
            toml_seconds,
            at_most=1.5,
        ),
        ratio_row(
            "warm load() (compiled cache)",
            warm_seconds,
            "cold load()",
            cold_seconds,
            at_least=20,
        ),
        Row(
            "warm load() absolute",
            format_seconds(warm_seconds),
            "target 10 ms",
            None,
            "<= 10 ms",
            warm_seconds <= 0.010,
        ),
        Row(
            "fresh process: import + warm load()",
            format_seconds(start_seconds),
            f"python -c 'import typing, dataclasses, pathlib' {format_seconds(bare_seconds)}",
            start_seconds / bare_seconds,
            f"+{format_seconds(start_seconds - bare_seconds)} per start",
            None,
        ),
    ]
    title = f"Registry loading (Python {sys.version.split()[0]}, medians of 9-21 runs)"
    return title, rows

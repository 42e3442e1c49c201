"""Run the benchmarks: `python -m benchmarks [registry|runtime|check|migrate ...]`.

Each `benchmarks/bench_<name>.py` has `run() -> tuple[str, list[Row]]`; the
tables are printed and written to `benchmarks/results.md`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks._harness import print_table

HERE = Path(__file__).parent


def main(argv: list[str]) -> int:
    """Run the selected benchmark modules (all by default) and print one table each."""
    available = sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(HERE)])
        if info.name.startswith("bench_")
    )
    chosen = argv or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(available)}")
        return 2
    tables = []
    for name in chosen:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        title, rows = module.run()
        tables.append(print_table(title, rows))
    (HERE / "results.md").write_text("\n".join(tables), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

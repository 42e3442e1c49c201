"""`triage` speed on a tree shaped like the seed report's, against what people run today.

A generated application (300 modules in 10 packages, each importing a
sibling and a few stdlib modules) and 1,400 test modules, seven root causes
(a moved name, a moved module, a moved package, a deleted name breaking a
chain, a rename, a missing distribution, an error at import time); 600 test
modules import.

- `triage` (isolated, 2 workers, with its order pass and the proofs) vs
  `pytest --collect-only -q` on the same tree;
- `triage --no-isolate` vs the same;
- `triage --static` on the Django 5.1.4 sdist (downloaded with pip into a
  temporary folder) vs `ruff check --select F401` on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from benchmarks._harness import Row, median_seconds, ratio_row

APP_MODULES = 300
JOBS = 2
DJANGO = "django==5.1.4"

COLLECT_ONLY = [
    sys.executable,
    *("-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:ssot_registry"),
    "tests",
]
TRIAGE = [sys.executable, "-m", "ssot_registry", "triage", "tests", "--no-git"]

# (tests in the group, the import line; {n} is the test's number)
GROUPS = [
    (600, "from shop.pkg{p}.mod{m} import helper{m}"),  # imports
    (200, "from shop.pkg0 import helper3"),  # SSOT201: moved into pkg0.mod3
    (200, "from shop.legacy.mod{l} import helper{l}"),  # SSOT202: legacy -> pkg1 (collapsed)
    (150, "from shop.mod5 import helper5"),  # SSOT202: module moved to pkg0.mod5
    (100, "from shop.pkg9.mod{c} import helper{c}"),  # SSOT204: deleted TimeoutError, a chain
    (50, "from shop.pkg3.mod100 import Servce100"),  # SSOT203: renamed Service100?
    (50, "from shop.pkg6.mod200 import helper200"),  # SSOT205: torch is not installed
    (50, "from shop.pkg5.mod150 import helper150\n\nCLIENT = helper150.client"),  # SSOT206
]


def _app_module(index: int) -> str:
    sibling = index - index % 30
    lines = ["import dataclasses", "import enum", "import json", "import logging"]
    if index % 30:
        lines.append(f"from shop.pkg{index // 30}.mod{sibling} import helper{sibling}")
    if index == 200:
        lines.append("import torch")
    if index // 30 == 9 and index % 30 == 0:
        lines.append("from shop.errors import TimeoutError")
    body = "\n".join(lines) + "\n\n\n"
    body += (
        f"@dataclasses.dataclass\nclass Record{index}:\n    key: str = 'k'\n    size: int = 0\n\n\n"
    )
    body += f"class Status{index}(enum.Enum):\n    OK = 1\n    FAILED = 2\n\n\n"
    body += f"class Service{index}:\n    def run(self, value: int) -> int:\n"
    body += "        return value + 1\n\n\n"
    body += f"def helper{index}(value: int = 1) -> int:\n    return value * {index}\n"
    return body


def generate(root: Path) -> Path:
    """Write the application `shop` and 1,400 test modules below `root`; return `root`."""
    shop = root / "shop"
    shop.mkdir(parents=True)
    (shop / "__init__.py").write_text("")
    (shop / "errors.py").write_text("class TransactionError(Exception):\n    pass\n")
    for index in range(APP_MODULES):
        package = shop / f"pkg{index // 30}"
        package.mkdir(exist_ok=True)
        (package / "__init__.py").write_text("")
        (package / f"mod{index}.py").write_text(_app_module(index))
    tests = root / "tests"
    number = 0
    for group, (count, line) in enumerate(GROUPS):
        folder = tests / f"group{group}"
        folder.mkdir(parents=True)
        for n in range(count):
            m = 30 + n % 150  # packages 1-5: clear of the broken modules
            text = line.format(p=m // 30, m=m, l=30 + n % 30, c=270 + n % 30)
            (folder / f"test_case{number}.py").write_text(
                f"{text}\n\n\ndef test_case{number}():\n    assert True\n"
            )
            number += 1
    return root


def _django_sdist(scratch: Path) -> Path | None:
    """Django's sdist, downloaded with pip and unpacked; None when it cannot be had."""
    download = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "-q", "--no-deps"),
            *("--no-binary", ":all:", "-d", str(scratch / "dl"), DJANGO),
        ],
        capture_output=True,
        check=False,
    )
    archives = list((scratch / "dl").glob("*.tar.gz")) if download.returncode == 0 else []
    if not archives:
        return None
    with tarfile.open(archives[0]) as archive:
        archive.extractall(scratch / "src", filter="data")
    return next((scratch / "src").iterdir())


def run() -> tuple[str, list[Row]]:
    """Measure every comparison in one run; medians of repeats."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-triage-") as scratch:
        root = generate(Path(scratch) / "tree")
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}

        def call(argv: list[str], cwd: Path = root) -> None:
            subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, check=False)

        call([sys.executable, "-m", "compileall", "-q", "shop"])
        collect = median_seconds(lambda: call(COLLECT_ONLY), repeat=3)
        isolated = median_seconds(lambda: call([*TRIAGE, "--jobs", str(JOBS)]), repeat=3)
        together = median_seconds(lambda: call([*TRIAGE, "--no-isolate"]), repeat=3)
        rows += [
            ratio_row(
                "triage, 1,400 test modules (2 workers)",
                isolated,
                "pytest --collect-only",
                collect,
                at_most=1.5,
            ),
            ratio_row(
                "triage --no-isolate, 1,400 test modules",
                together,
                "pytest --collect-only",
                collect,
                at_most=1.0,
            ),
        ]
        sdist = _django_sdist(Path(scratch))
        ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
        if sdist is not None and Path(ruff).exists():
            files = sum(1 for _ in sdist.rglob("*.py"))
            static = median_seconds(
                lambda: call([*TRIAGE[:4], ".", "--static", "--no-git"], sdist),
                repeat=3,
            )
            f401 = median_seconds(
                lambda: call([ruff, "check", "--select", "F401", "--no-cache", "-q", "."], sdist),
                repeat=3,
            )
            rows.append(
                ratio_row(
                    f"triage --static, Django sdist ({files:,} files)",
                    static,
                    "ruff check --select F401",
                    f401,
                    at_most=3.0,
                )
            )
    return "triage (ratios measured in the same run)", rows

"""`check` speed: isolation by warm forking workers against the ways people import-check today.

A generated application of 500 modules and 2,000 registry entries (1,500
symbols, 500 aliases checked through the shims), each module as heavy as a
typical service module (dataclasses, an enum, a class with methods, stdlib
and third-party imports, an import of a sibling).

- `check --isolate --jobs 2` vs one `python -c "import m"` per module, run
  sequentially (measured on a sample of modules and scaled to all 500);
- the same vs the floor: two warm processes that pre-import the same
  non-application modules and fork once per module, with nothing else;
- `check --no-isolate` vs importing the same modules in one interpreter;
- `check` vs `pytest --collect-only` on a test tree importing the same modules;
- the same comparisons on a real package set: ~100 modules of the stdlib and of
  the venv's site-packages, each one registry entry of kind "module".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from benchmarks._harness import Row, median_seconds, ratio_row

MODULES = 500
ENTRIES_PER_MODULE = 4  # three symbols and one alias
SAMPLE = 25
JOBS = 2

STDLIB = ["json", "decimal", "datetime", "logging", "collections", "functools", "re", "uuid"]
THIRD_PARTY = ["packaging.version", "pydantic", "wrapt"]


# How the seed report's authors found their import errors: pytest collecting the tests.
COLLECT_ONLY = [
    sys.executable,
    *("-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-p", "no:ssot_registry"),
    "tests",
]


def _module_source(index: int) -> str:
    imports = {STDLIB[index % len(STDLIB)], STDLIB[(index * 3 + 1) % len(STDLIB)]}
    imports.add(THIRD_PARTY[index % len(THIRD_PARTY)])
    base = index - index % 10  # every module imports the first module of its group of ten
    sibling = f"from bench_app.pkg{base // 50}.mod{base} import helper{base}\n"
    fields = "\n".join(f"    field{f}: int = {f}" for f in range(6))
    methods = "\n".join(
        f"    def method{m}(self, value: int) -> int:\n        return value + {m}\n"
        for m in range(10)
    )
    return (
        "from __future__ import annotations\n\n"
        "import dataclasses\nimport enum\nimport typing\n"
        + "".join(f"import {name}\n" for name in sorted(imports))
        + (sibling if index % 10 else "")
        + "\n\n"
        + "".join(
            f"@dataclasses.dataclass(frozen=True)\nclass Record{index}_{r}:\n{fields}\n\n\n"
            for r in range(3)
        )
        + f"class Status{index}(enum.Enum):\n"
        + "".join(f"    S{s} = {s}\n" for s in range(5))
        + f"\n\nclass Service{index}:\n    TABLE: typing.ClassVar[dict[str, int]] = "
        + repr({f"k{k}": k for k in range(20)})
        + "\n\n"
        + methods
        + f"\n\ndef helper{index}(value: int) -> int:\n    return value * {index}\n"
    )


def generate(root: Path) -> Path:
    """Write bench_app (500 modules in 10 packages), its registry and a test tree; return root."""
    app = root / "bench_app"
    app.mkdir(parents=True)
    (app / "__init__.py").write_text("")
    lines = ['[registry]\nschema = 1\nname = "bench"\n\n[symbols]\n']
    aliases: list[str] = []
    tests = root / "tests"
    tests.mkdir()
    for index in range(MODULES):
        package = app / f"pkg{index // 50}"
        package.mkdir(exist_ok=True)
        (package / "__init__.py").write_text("")
        (package / f"mod{index}.py").write_text(_module_source(index))
        module = f"bench_app.pkg{index // 50}.mod{index}"
        names = [f"Record{index}_0", f"Status{index}", f"Service{index}"]
        lines += [f'{name} = {{ path = "{module}:{name}", kind = "class" }}\n' for name in names]
        aliases.append(
            f'[[alias]]\nold = "bench_app.pkg{index // 50}.compat{index}:helper{index}"\n'
            f'new = "{module}:helper{index}"\n\n'
        )
        (tests / f"test_mod{index}.py").write_text(
            f"from {module} import helper{index}\n\n\ndef test_helper():\n"
            f"    assert helper{index}(1) == {index}\n"
        )
    (root / "registry.toml").write_text("".join(lines) + "\n" + "".join(aliases))
    return root


_REAL_PACKAGES_TEXT = """
argparse ast asyncio base64 bisect calendar collections concurrent.futures configparser
contextlib copy csv dataclasses datetime decimal difflib email.mime.text email.parser enum
fractions ftplib functools getopt gettext glob gzip hashlib heapq hmac html.parser
http.client http.cookies imaplib inspect ipaddress json logging.handlers lzma mailbox
mimetypes multiprocessing netrc operator optparse pathlib pickle pkgutil plistlib poplib
pprint queue random re sched secrets selectors shelve shlex shutil smtplib socketserver
sqlite3 statistics string subprocess tarfile tempfile textwrap threading timeit tomllib
trace typing unittest urllib.request uuid wave xml.dom.minidom xml.etree.ElementTree
zipfile zoneinfo pydantic packaging.version packaging.specifiers wrapt hypothesis pytest
xdist execnet pluggy iniconfig pygments pygments.lexers.python annotated_types
typing_extensions pydantic_core importlib_metadata zipp
"""
REAL_PACKAGES = _REAL_PACKAGES_TEXT.split()


def generate_real(root: Path) -> list[str]:
    """A registry with one `module` entry per importable real module, and a test tree."""
    import importlib.util

    modules = []
    for name in REAL_PACKAGES:
        try:
            if importlib.util.find_spec(name) is not None:
                modules.append(name)
        except ImportError:
            continue
    root.mkdir(parents=True)
    (root / "tests").mkdir()
    lines = ['[registry]\nschema = 1\nname = "real"\n\n[symbols]\n']
    for index, name in enumerate(modules):
        lines.append(f'mod{index} = {{ path = "{name}", kind = "module" }}\n')
        (root / "tests" / f"test_real{index}.py").write_text(
            f"import {name}\n\n\ndef test_imported():\n    assert {name}\n"
        )
    (root / "registry.toml").write_text("".join(lines))
    return modules


def _modules() -> list[str]:
    return [f"bench_app.pkg{i // 50}.mod{i}" for i in range(MODULES)]


FLOOR = textwrap.dedent("""\
    import importlib, os, sys
    for name in sys.argv[2].split(","):
        try:
            importlib.import_module(name)
        except Exception:
            pass
    modules = sys.argv[1].split(",")
    for name in modules:
        pid = os.fork()
        if pid == 0:
            importlib.import_module(name)
            os._exit(0)
        os.waitpid(pid, 0)
""")


def run() -> tuple[str, list[Row]]:
    """Measure every comparison in one run; medians of repeats."""
    with tempfile.TemporaryDirectory(prefix="bench-check-") as scratch:
        root = generate(Path(scratch))
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": ""}
        cli = [sys.executable, "-m", "ssot_registry", "check", "--registry", "registry.toml"]

        def call(argv: list[str]) -> None:
            subprocess.run(argv, cwd=root, env=env, stdout=subprocess.DEVNULL, check=False)

        modules = _modules()
        call([sys.executable, "-c", f"import {', '.join(modules)}"])  # write the .pyc files
        isolate = median_seconds(lambda: call([*cli, "--jobs", str(JOBS)]), repeat=3)
        sample = modules[:: MODULES // SAMPLE]
        per_module = median_seconds(
            lambda: [call([sys.executable, "-c", f"import {m}"]) for m in sample], repeat=3
        ) / len(sample)
        sequential = per_module * MODULES
        preimport = ",".join([*STDLIB, *THIRD_PARTY, "dataclasses", "enum", "typing"])
        halves = [",".join(modules[j::JOBS]) for j in range(JOBS)]

        def floor() -> None:
            running = [
                subprocess.Popen([sys.executable, "-c", FLOOR, half, preimport], cwd=root, env=env)
                for half in halves
            ]
            for process in running:
                process.wait()

        floor_time = median_seconds(floor, repeat=3)
        no_isolate = median_seconds(lambda: call([*cli, "--no-isolate"]), repeat=5)
        one_process = median_seconds(
            lambda: call([sys.executable, "-c", f"import {', '.join(modules)}"]), repeat=5
        )
        collect = median_seconds(lambda: call(COLLECT_ONLY), repeat=3)
    real_rows = _run_real()
    entries = MODULES * ENTRIES_PER_MODULE
    title = f"check: {MODULES} modules, {entries} entries, --jobs {JOBS}"
    return title, [
        *_generated_rows(isolate, sequential, floor_time, no_isolate, one_process, collect),
        *real_rows,
    ]


def _generated_rows(
    isolate: float,
    sequential: float,
    floor_time: float,
    no_isolate: float,
    one_process: float,
    collect: float,
) -> list[Row]:
    return [
        ratio_row(
            "check --isolate", isolate, "python -c 'import m' per module", sequential, at_least=5
        ),
        ratio_row("check --isolate", isolate, "fork-per-module floor", floor_time, at_most=1.5),
        ratio_row(
            "check --no-isolate", no_isolate, "import all in one process", one_process, at_most=1.2
        ),
        ratio_row("check --isolate", isolate, "pytest --collect-only", collect),
        ratio_row("check --no-isolate", no_isolate, "pytest --collect-only", collect),
    ]


def _run_real() -> list[Row]:
    """check vs one interpreter per module and vs pytest --collect-only on real packages."""
    with tempfile.TemporaryDirectory(prefix="bench-check-real-") as scratch:
        root = Path(scratch) / "real"
        modules = generate_real(root)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}

        def call(argv: list[str]) -> None:
            subprocess.run(argv, cwd=root, env=env, stdout=subprocess.DEVNULL, check=False)

        cli = [sys.executable, "-m", "ssot_registry", "check", "--registry", "registry.toml"]
        isolate = median_seconds(lambda: call([*cli, "--jobs", str(JOBS)]), repeat=3)
        no_isolate = median_seconds(lambda: call([*cli, "--no-isolate"]), repeat=3)
        sample = modules[::4]
        sequential = (
            median_seconds(
                lambda: [call([sys.executable, "-c", f"import {m}"]) for m in sample], repeat=1
            )
            / len(sample)
            * len(modules)
        )
        collect = median_seconds(lambda: call(COLLECT_ONLY), repeat=3)
    name = f"real packages ({len(modules)} modules)"
    return [
        ratio_row(
            f"{name}: check --isolate", isolate, "python -c 'import m' per module", sequential
        ),
        ratio_row(f"{name}: check --isolate", isolate, "pytest --collect-only", collect),
        ratio_row(f"{name}: check --no-isolate", no_isolate, "pytest --collect-only", collect),
    ]

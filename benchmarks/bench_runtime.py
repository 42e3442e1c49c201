"""Runtime shims: install cost, import overhead, alias access, wrap calls, first imports.

`python -m benchmarks runtime`. Every target is a ratio to a baseline measured
in the same run (medians of repeats), or to a fixed budget where the issue
names one (install: 10 ms).
"""

from __future__ import annotations

import compileall
import dataclasses
import importlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from statistics import median

from benchmarks._harness import Row, ratio_row
from ssot_registry.registry import Registry, load
from ssot_registry.runtime import install

HEADER = '[registry]\nschema = 1\nname = "bench"\n'
ALIASES = 10_000
REPEAT = 7
LOOPS = 5_000
PAIRED_ROUNDS = 41
STDLIB_MODULES = 300
_SKIP_STDLIB = {
    "antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "__hello__",
    "__phello__", "_tkinter", "ensurepip", "venv", "test", "lib2to3", "pydoc_data", "xxlimited",
    "xxlimited_35", "xxsubtype", "_xxsubinterpreters", "_xxinterpchannels", "_xxtestfuzz",
    "msilib", "winreg", "winsound", "nt", "msvcrt", "_winapi", "_msi", "_overlapped",
}  # fmt: skip


def _write(root: Path, files: dict[str, str]) -> None:
    for relative, source in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source, encoding="utf-8")


def _large_registry(root: Path) -> Path:
    """10,000 aliases over 2,000 old modules (attribute moves) and module moves."""
    lines = [HEADER]
    for index in range(ALIASES):
        if index % 10 == 9:
            lines.append(f'[[alias]]\nold = "bigapp.old{index}"\nnew = "bigapp.new{index}"\n')
        else:
            lines.append(
                f'[[alias]]\nold = "bigapp.area{index % 50}.old{index // 5}:name{index}"\n'
                f'new = "bigapp.core{index % 7}:thing{index}"\nsince = "1.0"\n'
            )
    path = root / "big" / "registry.toml"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    load(path)  # warm the compiled cache, as an application's second start would
    return path


def _paired(
    ours: Callable[[int], object], baseline: Callable[[int], object], loops: int = LOOPS
) -> tuple[float, float]:
    """Per-call medians of two loops measured in alternation (a shared machine drifts)."""
    times: tuple[list[float], list[float]] = ([], [])
    for loop in (ours, baseline):
        loop(loops // 10)
    for _ in range(PAIRED_ROUNDS):
        for slot, loop in enumerate((ours, baseline)):
            start = time.perf_counter()
            loop(loops)
            times[slot].append((time.perf_counter() - start) / loops)
    return median(times[0]), median(times[1])


def _bench_install(registry_path: Path) -> Row:
    times, imported = [], set()
    for _ in range(REPEAT):
        registry: Registry = load(registry_path)
        before = set(sys.modules)
        start = time.perf_counter()
        installation = install(registry, strict=False)
        times.append(time.perf_counter() - start)
        imported |= set(sys.modules) - before
        installation.uninstall()
    row = ratio_row(
        f"install() of a loaded {ALIASES:,}-alias registry ({len(imported)} modules imported)",
        median(times),
        "budget",
        0.010,
        at_most=1.0,
    )
    return dataclasses.replace(row, passed=bool(row.passed) and not imported)


CHILD = """\
import gc
import sys
gc.disable()  # collections at shifted moments would swamp a 1 % difference
from ssot_registry.registry import load
from ssot_registry.runtime import install
install(load(sys.argv[1]), strict=False)
if sys.argv[2] == "plain":  # same allocations, only the finder is gone
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "ShimFinder"]
for name in open(sys.argv[3]).read().split():
    __import__(name)
"""


def _stdlib_names(python: str, out: Path) -> list[str]:
    candidates = sorted(set(sys.stdlib_module_names) - _SKIP_STDLIB)
    probe = (
        "import sys, importlib, pkgutil, io, contextlib\nok = []\n"
        "def attempt(name):\n"
        "    if name in sys.modules or len(ok) >= " + str(STDLIB_MODULES) + ": return None\n"
        "    try:\n"
        "        with contextlib.redirect_stdout(io.StringIO()):\n"
        "            module = importlib.import_module(name)\n"
        "    except BaseException: return None\n"
        "    ok.append(name)\n"
        "    return module\n"
        f"for name in {candidates!r}:\n"
        "    module = attempt(name)\n"
        "    for info in pkgutil.iter_modules(getattr(module, '__path__', None) or []):\n"
        "        if not info.name.startswith(('_', 'test')): attempt(f'{name}.{info.name}')\n"
        "print(' '.join(ok))\n"
    )
    found = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    names = found[:STDLIB_MODULES]
    out.write_text(" ".join(names), encoding="utf-8")
    return names


def _instructions(arguments: list[str], environment: dict[str, str]) -> int:
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind output:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def _bench_import_overhead(root: Path, registry_path: Path) -> Row | None:
    if shutil.which("valgrind") is None:
        return None
    child = root / "child.py"
    child.write_text(CHILD, encoding="utf-8")
    names_file = root / "stdlib.txt"
    imported = _stdlib_names(sys.executable, names_file)
    environment = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    empty = root / "none.txt"
    empty.write_text("", encoding="utf-8")
    count = {
        (mode, str(listing)): _instructions(
            [sys.executable, str(child), str(registry_path), mode, str(listing)], environment
        )
        for mode, listing in (("plain", empty), ("plain", names_file), ("installed", names_file))
    }
    setup = count["plain", str(empty)]
    return ratio_row(
        f"{len(imported)} stdlib imports in a fresh interpreter, {ALIASES:,} aliases installed "
        "(callgrind instructions of the imports)",
        count["installed", str(names_file)] - setup,
        "finder removed",
        count["plain", str(names_file)] - setup,
        at_most=1.01,
        unit=lambda value: f"{value / 1e6:.1f} M instr",
    )


def _access_rows(root: Path) -> list[Row]:
    _write(
        root / "access",
        {
            "bench_new.py": "def target():\n    return 1\n",
            "bench_old.py": "REAL = 1\n",
            "bench_floor.py": (
                "import warnings\nfrom bench_new import target as _target\n\n\n"
                "def __getattr__(name):\n"
                "    if name == 'name':\n"
                "        warnings.warn('bench_floor.name is deprecated; use bench_new.target',"
                " DeprecationWarning, stacklevel=2)\n"
                "        return _target\n"
                "    raise AttributeError(name)\n"
            ),
        },
    )
    sys.path.insert(0, str(root / "access"))
    registry = _registry_text('[[alias]]\nold = "bench_old:name"\nnew = "bench_new:target"\n')
    namespace: dict[str, object] = {}
    exec(
        "def from_import_old(n):\n    for _ in range(n):\n        from bench_old import name\n"
        "def from_import_floor(n):\n    for _ in range(n):\n        from bench_floor import name\n"
        "def attribute(module, n):\n    for _ in range(n):\n        module.name\n",
        namespace,
    )
    with install(registry, strict=False), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old, floor = importlib.import_module("bench_old"), importlib.import_module("bench_floor")
        from_old, from_floor, attribute = (
            namespace["from_import_old"],
            namespace["from_import_floor"],
            namespace["attribute"],
        )
        floor_name = "hand-written __getattr__ + warnings.warn"
        ours, theirs = _paired(from_old, from_floor)  # type: ignore[arg-type]
        rows = [ratio_row("`from old import name` (attribute alias)", ours, floor_name, theirs,
                          at_most=1.3)]  # fmt: skip
        ours, theirs = _paired(
            lambda n: attribute(old, n),  # type: ignore[operator]
            lambda n: attribute(floor, n),  # type: ignore[operator]
        )
        rows.append(
            ratio_row("`old.name` (attribute alias)", ours, floor_name, theirs, at_most=1.3)
        )
    return rows


def _registry_text(body: str) -> Registry:
    from ssot_registry.registry import load_text

    return load_text(HEADER + body)


def _call_loop(function: Callable[[], object]) -> Callable[[int], None]:
    def loop(n: int) -> None:
        for _ in range(n):
            function()

    return loop


def _wrap_rows(root: Path) -> list[Row]:
    import wrapt

    _write(root / "wrap", {"wrap_new.py": "def target():\n    return 1\n", "wrap_old.py": ""})
    sys.path.insert(0, str(root / "wrap"))
    registry = _registry_text(
        '[[alias]]\nold = "wrap_old:name"\nnew = "wrap_new:target"\nmode = "wrap"\n'
    )

    def target() -> int:
        return 1

    def warn_then_call(wrapped, instance, args, kwargs):  # type: ignore[no-untyped-def]
        warnings.warn("target is deprecated", DeprecationWarning, stacklevel=2)
        return wrapped(*args, **kwargs)

    rows = []
    with install(registry, strict=False), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        from wrap_old import name  # type: ignore[import-not-found]

        ours, bare = _paired(
            _call_loop(name), _call_loop(wrapt.FunctionWrapper(target, warn_then_call))
        )
        rows.append(
            ratio_row("call through `mode = \"wrap\"` (warning filtered out)", ours,
                      "bare wrapt.FunctionWrapper + warnings.warn", bare, at_most=1.2)
        )  # fmt: skip
        for label, decorate in _third_party_decorators():
            ours, theirs = _paired(_call_loop(name), _call_loop(decorate(target)))
            rows.append(ratio_row('call through `mode = "wrap"`', ours, label, theirs, at_most=1.0))
    return rows


def _third_party_decorators() -> list[tuple[str, Callable[[Callable[[], int]], Callable[[], int]]]]:
    found: list[tuple[str, Callable[[Callable[[], int]], Callable[[], int]]]] = []
    try:
        from deprecated import deprecated
    except ImportError:
        pass
    else:
        found.append(("`deprecated` package", deprecated(reason="moved")))
    try:
        import deprecate
    except ImportError:
        pass
    else:
        mode = getattr(getattr(deprecate, "TargetMode", None), "NOTIFY", None)
        found.append(
            (
                "pyDeprecate",
                deprecate.deprecated(
                    target=mode, deprecated_in="1.0", remove_in="2.0", num_warns=-1
                ),
            )
        )
    return found


def _first_import_rows(root: Path) -> list[Row]:
    batch, rounds = 200, REPEAT + 1
    count = batch * rounds
    folder = root / "first"
    files = {"first_new.py": "VALUE = 1\n"}
    files.update({f"tiny{index}.py": "VALUE = 1\n" for index in range(count)})
    _write(folder, files)
    compileall.compile_dir(folder, quiet=1)
    sys.path.insert(0, str(folder))
    importlib.invalidate_caches()
    body = "".join(
        f'[[alias]]\nold = "first_alias{i}"\nnew = "first_new"\n'
        f'[[alias]]\nold = "first_legacy.shim{i}:VALUE"\nnew = "first_new:VALUE"\n'
        for i in range(count)
    )
    templates = ("first_alias{}", "first_legacy.shim{}", "tiny{}")
    times: dict[str, list[float]] = {template: [] for template in templates}
    with install(_registry_text(body), strict=False), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        importlib.import_module("first_new")
        importlib.import_module("first_legacy")
        for number in range(rounds):  # the three kinds in alternation, first round unmeasured
            for template in templates:
                names = [template.format(i) for i in range(number * batch, (number + 1) * batch)]
                start = time.perf_counter()
                for name in names:
                    importlib.import_module(name)
                if number:
                    times[template].append((time.perf_counter() - start) / batch)
    alias, shim, real = (median(times[template]) for template in templates)
    return [
        ratio_row("first import of a module alias", alias, "tiny real .py module", real,
                  at_most=0.5),
        ratio_row("first import of a shim module (under a shim package)", shim,
                  "tiny real .py module", real, at_most=0.5),
    ]  # fmt: skip


def run() -> tuple[str, list[Row]]:
    """Every runtime benchmark, in one table."""
    root = Path(tempfile.mkdtemp(prefix="ssot-bench-runtime-"))
    path, modules = list(sys.path), dict(sys.modules)
    try:
        registry_path = _large_registry(root)
        rows = [_bench_install(registry_path)]
        overhead = _bench_import_overhead(root, registry_path)
        if overhead is not None:
            rows.append(overhead)
        rows += _access_rows(root)
        rows += _wrap_rows(root)
        rows += _first_import_rows(root)
    finally:
        sys.path[:] = path
        for name in set(sys.modules) - set(modules):
            del sys.modules[name]
        shutil.rmtree(root, ignore_errors=True)
    return f"Runtime shims (Python {sys.version.split()[0]})", rows

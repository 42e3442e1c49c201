"""`python -m benchmarks migrate`: scan vs ruff TID251, migrate --write vs a LibCST codemod.

Corpus: the Django sdist from PyPI, unpacked into `benchmarks/.corpus/` (fetched
with pip when missing). Registry: 50 heavily used Django paths declared as
aliases of fabricated new paths; ruff gets the same 50 paths as banned-api
(through `ssot-registry export ruff`). Everything runs as real subprocesses on
the same tree with the same cores; ratios are medians measured in the same run.
Our subprocesses may write `.pyc` files (as an installed package has them), and
every scan row but the "proofs kept" one starts without the syntax proofs a
previous scan left, just as ruff runs with `--no-cache`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks._harness import Row, ratio_row
from benchmarks._migrate_compare import compare_findings, libcst_rename, mentioning
from ssot_registry.migration.proofs import proofs_file

HERE = Path(__file__).parent
CORPUS = HERE / ".corpus"
WORK = HERE / ".work" / "migrate"
VENV_BIN = Path(sys.executable).parent
ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": ""}

# (old, new): 46 attribute aliases and 4 module aliases, all real and heavily used.
PATHS: tuple[tuple[str, str], ...] = (
    ("django.test:SimpleTestCase", "djangonext.testing.cases:SimpleTestCase"),
    ("django.test:TestCase", "djangonext.testing.cases:TestCase"),
    ("django.test:TransactionTestCase", "djangonext.testing.cases:TransactionTestCase"),
    ("django.test:RequestFactory", "djangonext.testing.client:RequestFactory"),
    ("django.test:override_settings", "djangonext.testing.settings:override_settings"),
    ("django.test.utils:isolate_apps", "djangonext.testing.apps:isolate_apps"),
    ("django.test.utils:CaptureQueriesContext", "djangonext.testing.db:CaptureQueriesContext"),
    ("django.test.utils:register_lookup", "djangonext.testing.db:register_lookup"),
    ("django.conf:settings", "djangonext.config:settings"),
    ("django.db:connection", "djangonext.database:connection"),
    ("django.db:connections", "djangonext.database:connections"),
    ("django.db:DEFAULT_DB_ALIAS", "djangonext.database:DEFAULT_ALIAS"),
    ("django.db:DatabaseError", "djangonext.database.errors:DatabaseError"),
    ("django.db:IntegrityError", "djangonext.database.errors:IntegrityError"),
    ("django.db:NotSupportedError", "djangonext.database.errors:NotSupportedError"),
    ("django.db.models:Model", "djangonext.orm.base:Model"),
    ("django.db.models:Q", "djangonext.orm.query:Q"),
    ("django.db.models:F", "djangonext.orm.expressions:F"),
    ("django.db.models:CharField", "djangonext.orm.fields:CharField"),
    ("django.db.models:IntegerField", "djangonext.orm.fields:IntegerField"),
    ("django.db.models:ForeignKey", "djangonext.orm.fields:ForeignKey"),
    ("django.db.models:CASCADE", "djangonext.orm.deletion:CASCADE"),
    ("django.db.models:Count", "djangonext.orm.aggregates:Count"),
    ("django.db.models:Value", "djangonext.orm.expressions:Value"),
    ("django.core.exceptions:ImproperlyConfigured", "djangonext.errors:ImproperlyConfigured"),
    ("django.core.exceptions:ValidationError", "djangonext.errors:ValidationError"),
    ("django.core.exceptions:FieldError", "djangonext.errors:FieldError"),
    ("django.core.exceptions:FieldDoesNotExist", "djangonext.errors:FieldDoesNotExist"),
    ("django.core.exceptions:ObjectDoesNotExist", "djangonext.errors:ObjectDoesNotExist"),
    ("django.core.management:call_command", "djangonext.cli:call_command"),
    ("django.core.management.base:BaseCommand", "djangonext.cli.base:BaseCommand"),
    ("django.core.checks:Error", "djangonext.checks:Error"),
    ("django.utils.translation:gettext_lazy", "djangonext.i18n:gettext_lazy"),
    ("django.utils.translation:gettext", "djangonext.i18n:gettext"),
    ("django.utils.functional:cached_property", "djangonext.functional:cached_property"),
    ("django.utils.functional:SimpleLazyObject", "djangonext.functional:SimpleLazyObject"),
    ("django.utils.safestring:mark_safe", "djangonext.html.safe:mark_safe"),
    ("django.utils.module_loading:import_string", "djangonext.loading:import_string"),
    ("django.utils.deprecation:MiddlewareMixin", "djangonext.middleware:MiddlewareMixin"),
    ("django.apps:apps", "djangonext.registry:apps"),
    ("django.apps:AppConfig", "djangonext.registry:AppConfig"),
    ("django.urls:path", "djangonext.routing:path"),
    ("django.urls:reverse", "djangonext.routing:reverse"),
    ("django.urls:include", "djangonext.routing:include"),
    ("django.http:HttpResponse", "djangonext.web:HttpResponse"),
    ("django.http:HttpRequest", "djangonext.web:HttpRequest"),
    ("django.utils.timezone", "djangonext.time"),
    ("django.forms", "djangonext.forms"),
    ("django.contrib.admin", "djangonext.admin"),
    ("django.db.migrations", "djangonext.orm.migrations"),
)


def _corpus() -> Path:
    """The unpacked Django sdist, downloaded with pip the first time."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    found = sorted(path for path in CORPUS.glob("django-*") if path.is_dir())
    if found:
        return found[-1]
    archives = sorted(CORPUS.glob("django-*.tar.gz"))
    if not archives:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--quiet",
                "django",
                "-d",
                str(CORPUS),
            ],
            check=True,
        )
        archives = sorted(CORPUS.glob("django-*.tar.gz"))
    with tarfile.open(archives[-1]) as archive:
        if sys.version_info >= (3, 12):
            archive.extractall(CORPUS, filter="data")
        else:
            archive.extractall(CORPUS)
    return sorted(path for path in CORPUS.glob("django-*") if path.is_dir())[-1]


def _write_unused_registry() -> tuple[Path, Path]:
    """50 deprecated paths no Django file uses (the common case: few files mention any)."""
    lines = ["[registry]", "schema = 1", 'name = "django-bench-unused"', ""]
    for number in range(50):
        old = f"legacyapp.module{number}:Thing{number}"
        lines += ["[[alias]]", f'old = "{old}"', f'new = "newapp.module{number}:Thing{number}"', ""]
    registry = WORK / "registry-unused.toml"
    registry.write_text("\n".join(lines), encoding="utf-8")
    ruff_config = WORK / "ruff-unused.toml"
    subprocess.run(
        _cli("export", "ruff", "--registry", str(registry), "-o", str(ruff_config)), check=True
    )
    return registry, ruff_config


def _write_registry() -> Path:
    lines = ["[registry]", "schema = 1", 'name = "django-bench"', ""]
    for old, new in PATHS:
        lines += ["[[alias]]", f'old = "{old}"', f'new = "{new}"', 'since = "5.0"', ""]
    WORK.mkdir(parents=True, exist_ok=True)
    registry = WORK / "registry.toml"
    registry.write_text("\n".join(lines), encoding="utf-8")
    return registry


def _cli(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "ssot_registry", *arguments]


def _forget_proofs(tree: Path) -> None:
    """Remove the syntax proofs an earlier scan of `tree` kept: the next scan starts cold."""
    proofs_file(tree).unlink(missing_ok=True)


def _wall(
    command: Sequence[str], repeat: int, cwd: Path | None = None, cold: Path | None = None
) -> float:
    """Median wall time of a subprocess (output discarded), each run cold for tree `cold`."""
    times = []
    for _ in range(repeat):
        if cold is not None:
            _forget_proofs(cold)
        start = time.perf_counter()
        subprocess.run(
            command,
            cwd=cwd,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]


def _warm_scan(
    corpus: Path, scan_command: Sequence[str], ruff_command: Sequence[str]
) -> tuple[float, float]:
    """Median times of a repeated scan (syntax proofs kept) and of ruff with its cache."""
    cache = WORK / "ruff-cache"
    shutil.rmtree(cache, ignore_errors=True)
    cached_ruff = [arg for arg in ruff_command if arg != "--no-cache"]
    cached_ruff[2:2] = ["--cache-dir", str(cache)]
    _forget_proofs(corpus)
    _wall(scan_command, repeat=1)  # the run whose proofs the others use
    _wall(cached_ruff, repeat=1)
    scan_times, ruff_times = [], []
    for _ in range(7):
        scan_times.append(_wall(scan_command, repeat=1))
        ruff_times.append(_wall(cached_ruff, repeat=1))
    return sorted(scan_times)[3], sorted(ruff_times)[3]


def _output(command: Sequence[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout


def _peak_rss_kb(command: Sequence[str]) -> int:
    """Peak resident set size of the largest process `command` starts (itself or a worker)."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True
    )
    return int(output.stdout.strip())


# LibCST re-parses every file it is given once per rename, and spends seconds per file on
# its repo-wide metadata; 50 renames over 2,800 files take hours. The codemod comparison
# therefore uses three of the paths on exactly the files that mention them, for both tools.
LIBCST_PATHS = PATHS[36:39]


def _write_small_registry() -> Path:
    lines = ["[registry]", "schema = 1", 'name = "django-bench-3"', ""]
    for old, new in LIBCST_PATHS:
        lines += ["[[alias]]", f'old = "{old}"', f'new = "{new}"', ""]
    registry = WORK / "registry-3.toml"
    registry.write_text("\n".join(lines), encoding="utf-8")
    return registry


def _fresh_copy(corpus: Path, name: str) -> Path:
    target = WORK / name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(corpus, target)
    return target


def _remaining(tree: Path, registry: Path) -> tuple[int, int]:
    """(uses of deprecated paths left, files with errors) after a migration, by our scanner."""
    command = _cli("scan", str(tree), "--registry", str(registry), "--format", "json")
    output = subprocess.run(command, capture_output=True, text=True, check=False)
    if not output.stdout:
        raise RuntimeError(f"scan failed ({output.returncode}): {output.stderr[-2000:]}")
    payload = json.loads(output.stdout)
    return payload["summary"]["findings"], len(payload["errors"])


def run() -> tuple[str, list[Row]]:
    """Measure scan vs ruff, migrate vs LibCST, and scan's peak memory on the Django sdist."""
    corpus = _corpus()
    registry = _write_registry()
    ruff_config = WORK / "ruff.toml"
    subprocess.run(
        _cli("export", "ruff", "--registry", str(registry), "-o", str(ruff_config)), check=True
    )
    files = sum(1 for _ in corpus.rglob("*.py"))
    size = sum(path.stat().st_size for path in corpus.rglob("*.py"))
    print(
        f"corpus: {corpus.name}, {files} .py files, {size / 1e6:.1f} MB; "
        f"{len(PATHS)} deprecated paths; {os.cpu_count()} CPUs",
        flush=True,
    )

    scan_command = _cli("scan", str(corpus), "--registry", str(registry), "--format", "json")
    ruff_command = [
        str(VENV_BIN / "ruff"),
        "check",
        "--select",
        "TID251",
        "--no-cache",
        "--config",
        str(ruff_config),
        "--output-format",
        "json",
        str(corpus),
    ]
    _wall(scan_command, repeat=1)  # writes our .pyc files, as installing would
    scan_times, ruff_times = [], []
    for _ in range(7):  # interleaved, so that load from other processes hits both alike
        scan_times.append(_wall(scan_command, repeat=1, cold=corpus))
        ruff_times.append(_wall(ruff_command, repeat=1))
    scan_time = sorted(scan_times)[3]
    ruff_time = sorted(ruff_times)[3]
    warm_time, warm_ruff_time = _warm_scan(corpus, scan_command, ruff_command)
    ours = json.loads(
        subprocess.run(scan_command, capture_output=True, text=True, check=False).stdout
    )
    ruff = json.loads(
        subprocess.run(ruff_command, capture_output=True, text=True, check=False).stdout
    )
    comparison = compare_findings(corpus.resolve(), ours, ruff)
    scan_rss = _peak_rss_kb(scan_command)
    ruff_rss = _peak_rss_kb(ruff_command)

    full_parse_time = _wall([*scan_command, "--full-parse"], repeat=3, cold=corpus)
    unused, unused_ruff = _write_unused_registry()
    unused_scan = _cli("scan", str(corpus), "--registry", str(unused), "--format", "json")
    unused_ruff_command = [
        str(unused_ruff) if arg == str(ruff_config) else arg for arg in ruff_command
    ]
    unused_times, unused_ruff_times = [], []
    for _ in range(5):
        unused_times.append(_wall(unused_scan, repeat=1))
        unused_ruff_times.append(_wall(unused_ruff_command, repeat=1))
    unused_time = sorted(unused_times)[2]
    unused_ruff_time = sorted(unused_ruff_times)[2]

    migrate_times = []
    summary = ""
    for _ in range(3):
        copy = _fresh_copy(corpus, "ours")
        command = _cli("migrate", str(copy), "--registry", str(registry), "--write")
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
        migrate_times.append(time.perf_counter() - start)
        summary = next(
            (line for line in done.stderr.splitlines() if line.startswith("Rewrote")), "?"
        )
    migrate_time = sorted(migrate_times)[1]
    ours_left = _remaining(copy, registry)

    small = _write_small_registry()
    ours_copy = _fresh_copy(corpus, "ours-3")
    ours_files = mentioning(ours_copy, LIBCST_PATHS)
    start = time.perf_counter()
    subprocess.run(
        _cli("migrate", *map(str, ours_files), "--registry", str(small), "--write"),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    ours_small = time.perf_counter() - start
    libcst_copy = _fresh_copy(corpus, "libcst-3")
    libcst_files = mentioning(libcst_copy, LIBCST_PATHS)
    libcst_time = libcst_rename(libcst_files, LIBCST_PATHS)
    ours_small_left = _remaining(ours_copy, small)
    libcst_left = _remaining(libcst_copy, small)
    comparison += [
        f"migrate --write, 50 paths, whole tree: {summary} {ours_left[0]} uses left for a person;"
        f" files that no longer parse: {ours_left[1] - len(ours['errors'])}",
        f"3 paths ({', '.join(old for old, _ in LIBCST_PATHS)}) on the {len(ours_files)} files"
        f" mentioning them: uses left after migrate --write {ours_small_left[0]},"
        f" after LibCST {libcst_left[0]}; files that no longer parse: ours"
        f" {ours_small_left[1] - len(ours['errors'])},"
        f" LibCST {libcst_left[1] - len(ours['errors'])}",
    ]
    print("\n".join(comparison), flush=True)
    (WORK / "comparison.txt").write_text("\n".join(comparison) + "\n", encoding="utf-8")

    rows = [
        ratio_row("scan (CLI, json)", scan_time, "ruff TID251", ruff_time, at_most=2),
        ratio_row(
            "scan (CLI, json), proofs kept from the last run",
            warm_time,
            "ruff TID251, cached",
            warm_ruff_time,
        ),
        ratio_row(
            "scan, 50 paths no file uses", unused_time, "ruff TID251", unused_ruff_time, at_most=2
        ),
        ratio_row(
            "scan --full-parse (ast for every candidate)", full_parse_time, "ruff TID251", ruff_time
        ),
        ratio_row(
            "migrate --write, 3 paths", ours_small, "LibCST rename x3", libcst_time, at_least=10
        ),
        ratio_row(
            "migrate --write, 50 paths, whole tree", migrate_time, "ruff TID251 scan", ruff_time
        ),
        Row(
            "scan peak RSS (largest process)",
            f"{scan_rss / 1024:.0f} MB",
            f"ruff {ruff_rss / 1024:.0f} MB",
            scan_rss / ruff_rss if ruff_rss else None,
            "-",
            None,
        ),
    ]
    title = (
        f"migrate: {files} files, {size / 1e6:.1f} MB of Django, {len(PATHS)} paths, "
        f"{os.cpu_count()} CPUs"
    )
    return title, rows

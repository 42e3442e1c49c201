"""The validator against real broken applications written to tmp_path and imported for real."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ssot_registry.cli import main
from ssot_registry.validator import CheckReport, check
from tests.helpers.signals import ctrl_c_reaches_it


def make_app(root: Path, files: dict[str, str], registry: str) -> Path:
    """Write the application's modules and its registry.toml under `root`; return the registry."""
    for relative, source in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(source), encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    path = root / "registry.toml"
    path.write_text(
        '[registry]\nschema = 1\nname = "faults"\n\n' + textwrap.dedent(registry), encoding="utf-8"
    )
    return path


def codes(report: CheckReport) -> dict[str, str | None]:
    """entry -> code of its first result."""
    found: dict[str, str | None] = {}
    for result in report.results:
        found.setdefault(result.entry, result.code)
    return found


FAULTS = {
    "flt/__init__.py": "",
    "flt/good.py": "def ok():\n    return 1\n",
    "flt/hang.py": "import time\ntime.sleep(60)\n",
    "flt/segv.py": "import ctypes\nctypes.string_at(0)\n",
    "flt/exits.py": "import sys\nsys.exit(3)\n",
    "flt/hard_exit.py": "import os\nos._exit(0)\n",
}
FAULT_REGISTRY = """\
[symbols]
ok = "flt.good:ok"
hang = "flt.hang"
segv = "flt.segv"
exits = "flt.exits"
hard_exit = "flt.hard_exit"
"""


@pytest.fixture(scope="module")
def fault_report(tmp_path_factory: pytest.TempPathFactory) -> CheckReport:
    """One isolated run over every fault fixture (shared: the hang costs the timeout once)."""
    registry = make_app(tmp_path_factory.mktemp("faults"), FAULTS, FAULT_REGISTRY)
    return check(registry, jobs=2, timeout=1.5)


def test_hang_is_killed_at_the_timeout(fault_report: CheckReport) -> None:
    """A module that never finishes importing is SSOT013 and the run goes on."""
    (result,) = fault_report.results_for("symbol", "hang")
    assert (result.code, result.message) == (
        "SSOT013",
        "importing flt.hang did not finish within 1.5 s (killed)",
    )


def test_segfault_is_a_crash(fault_report: CheckReport) -> None:
    """A segfault while importing is SSOT014 naming the signal."""
    (result,) = fault_report.results_for("symbol", "segv")
    assert (result.code, result.message) == (
        "SSOT014",
        "importing flt.segv crashed: killed by SIGSEGV",
    )


def test_sys_exit_is_a_crash(fault_report: CheckReport) -> None:
    """`sys.exit(3)` during import is SSOT014 with the exit code."""
    (result,) = fault_report.results_for("symbol", "exits")
    assert (result.code, result.message) == (
        "SSOT014",
        "importing flt.exits exited the interpreter: sys.exit(3)",
    )


def test_os_exit_is_a_crash(fault_report: CheckReport) -> None:
    """`os._exit(0)` during import is SSOT014 even though the status is 0."""
    (result,) = fault_report.results_for("symbol", "hard_exit")
    assert (result.code, result.message) == (
        "SSOT014",
        "importing flt.hard_exit exited the interpreter with status 0 (os._exit?)",
    )


def test_healthy_entries_pass_next_to_faults(fault_report: CheckReport) -> None:
    """The run goes on after every fault: the healthy entry passes and the summary counts all."""
    assert codes(fault_report)["ok"] is None
    assert (fault_report.total, fault_report.passed, fault_report.failed) == (5, 1, 4)


def test_fresh_interpreter_fallback_reports_the_same_faults(tmp_path: Path) -> None:
    """Without fork (one fresh interpreter per module) hangs and crashes are still reported."""
    files = {k: v for k, v in FAULTS.items() if "segv" not in k}
    registry = make_app(tmp_path, files, FAULT_REGISTRY.replace('segv = "flt.segv"\n', ""))
    report = check(registry, jobs=2, timeout=4.0, method="spawn")  # room for cold starts
    assert codes(report) == {
        "ok": None,
        "hang": "SSOT013",
        "exits": "SSOT014",
        "hard_exit": "SSOT014",
    }


JUNK = {
    "noisy/__init__.py": "",
    "noisy/talk.py": """\
        import sys
        print('{"registry": "fake", "ok": true, "results": []}')
        print("}{ not json", file=sys.stderr)
        sys.stdout.write("\\x00garbage")
        import os
        os.write(1, b'{"ok": false}\\n')
        os.write(2, b"raw stderr\\n")
        VALUE = 1
    """,
}


@pytest.mark.parametrize("isolate", ["--isolate", "--no-isolate"])
def test_printed_junk_never_reaches_a_real_stdout(tmp_path: Path, isolate: str) -> None:
    """In a real process, junk written even straight to fd 1 and 2 stays out of the report."""
    registry = make_app(tmp_path, JUNK, '[symbols]\nVALUE = "noisy.talk:VALUE"\n')
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "ssot_registry",
            "check",
            "--registry",
            str(registry),
            "--format",
            "json",
            isolate,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (completed.returncode, completed.stderr) == (0, "")
    assert json.loads(completed.stdout)["summary"] == {"total": 1, "passed": 1, "failed": 0}


@pytest.mark.parametrize("isolate", ["--isolate", "--no-isolate"])
def test_printed_junk_never_reaches_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], isolate: str, import_state: None
) -> None:
    """Imported code printing JSON-looking text and garbage leaves the JSON report parseable."""
    registry = make_app(tmp_path, JUNK, '[symbols]\nVALUE = "noisy.talk:VALUE"\n')
    status = main(
        ["check", "--registry", str(registry), "--format", "json", isolate, "--path", str(tmp_path)]
    )
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert (status, data["ok"], data["summary"]) == (
        0,
        True,
        {"total": 1, "passed": 1, "failed": 0},
    )
    assert captured.err == ""


ORDER = {
    "ordr/__init__.py": "",
    "ordr/a_setup.py": "CONFIG = {'ready': True}\n",
    "ordr/b_user.py": "import ordr\nREADY = ordr.a_setup.CONFIG['ready']\n",
}
ORDER_REGISTRY = '[symbols]\nCONFIG = "ordr.a_setup:CONFIG"\nREADY = "ordr.b_user:READY"\n'


def test_isolation_catches_an_order_dependent_import(tmp_path: Path) -> None:
    """A module that only imports after another one was imported fails when isolated."""
    registry = make_app(tmp_path, ORDER, ORDER_REGISTRY)
    report = check(registry, jobs=2)
    (result,) = report.results_for("symbol", "READY")
    assert result.code == "SSOT010"
    (cause,) = report.root_causes
    assert (cause.module, cause.line, cause.error, cause.entries) == (
        "ordr.b_user",
        2,
        "AttributeError: module 'ordr' has no attribute 'a_setup'",
        ("READY",),
    )
    assert cause.file == str(tmp_path / "ordr" / "b_user.py")


def test_no_isolate_misses_the_order_dependent_import(tmp_path: Path, import_state: None) -> None:
    """In one process the same module passes because its dependency was imported first."""
    registry = make_app(tmp_path, ORDER, ORDER_REGISTRY)
    report = check(registry, isolate=False)
    assert report.ok
    assert codes(report) == {"CONFIG": None, "READY": None}


def chain_app(count: int) -> dict[str, str]:
    """A missing TimeoutError in transaction_errors.py that breaks `count` modules."""
    files = {
        "chain/__init__.py": "",
        "chain/db/__init__.py": "",
        "chain/db/transaction_errors.py": "class DeadlockError(Exception):\n    pass\n",
        "chain/db/transaction_manager.py": (
            "import json\n\nfrom chain.db.transaction_errors import DeadlockError, TimeoutError\n"
        ),
    }
    for index in range(count):
        files["chain/services/__init__.py"] = ""
        files[f"chain/services/s{index:02d}.py"] = (
            f"from chain.db import transaction_manager\n\n\ndef run{index}():\n    pass\n"
        )
    return files


def test_one_missing_name_is_one_root_cause_for_forty_entries(tmp_path: Path) -> None:
    """40 entries broken by one missing name are grouped under the line that raised."""
    registry_text = "[symbols]\n" + "".join(
        f'run{i} = "chain.services.s{i:02d}:run{i}"\n' for i in range(40)
    )
    registry = make_app(tmp_path, chain_app(40), registry_text)
    report = check(registry, jobs=2)
    assert report.failed == 40
    (cause,) = report.root_causes
    assert cause.module == "chain.db.transaction_manager"
    assert (cause.file, cause.line) == (str(tmp_path / "chain/db/transaction_manager.py"), 3)
    assert cause.error == (
        "ImportError: cannot import name 'TimeoutError' from 'chain.db.transaction_errors' "
        f"({tmp_path / 'chain/db/transaction_errors.py'})"
    )
    assert cause.entries == tuple(f"run{i}" for i in range(40))
    assert cause.chain == (
        f"chain.services.s00 ({tmp_path / 'chain/services/s00.py'}:1)",
        f"chain.db.transaction_manager ({tmp_path / 'chain/db/transaction_manager.py'}:3)",
    )


def test_missing_distribution_names_the_requirement(tmp_path: Path) -> None:
    """An uninstalled [requires] distribution is SSOT020 and the import it breaks names it."""
    files = {"tools/__init__.py": "", "tools/server.py": "import json\nimport mcp_absent_dist\n"}
    registry = make_app(
        tmp_path,
        files,
        '[requires]\nmcp-absent-dist = ">=1.13.1"\n\n[symbols]\nserver = "tools.server"\n',
    )
    report = check(registry, jobs=1)
    (requirement,) = report.results_for("requirement", "mcp-absent-dist")
    assert (requirement.code, requirement.message, requirement.line) == (
        "SSOT020",
        "distribution 'mcp-absent-dist' is not installed (required: >=1.13.1); "
        "install it: pip install 'mcp-absent-dist>=1.13.1'",
        6,
    )
    (cause,) = report.root_causes
    assert (cause.line, cause.entries) == (2, ("server",))
    assert cause.error == (
        "ModuleNotFoundError: No module named 'mcp_absent_dist' (provided by distribution "
        "'mcp-absent-dist' >=1.13.1 from [requires], which is not installed: "
        "pip install 'mcp-absent-dist>=1.13.1')"
    )


def write_dist_info(site: Path, name: str, version: str) -> None:
    """A real, minimal installed distribution: NAME-VERSION.dist-info/METADATA."""
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8"
    )


def test_too_old_distribution_is_ssot021(tmp_path: Path) -> None:
    """A real dist-info folder on the workers' path with a too-old version is SSOT021."""
    site = tmp_path / "site"
    write_dist_info(site, "fresh-dist", "2.4.0")
    write_dist_info(site, "stale-dist", "1.0")
    registry = make_app(
        tmp_path / "app", {}, '[requires]\nstale-dist = ">=2.0"\nfresh-dist = ">=2,<3"\n'
    )
    report = check(registry, paths=[site])
    assert [(r.entry, r.code, r.message) for r in report.results] == [
        (
            "stale-dist",
            "SSOT021",
            "distribution 'stale-dist' 1.0 is installed but the registry requires >=2.0; "
            "upgrade it: pip install 'stale-dist>=2.0'",
        ),
        ("fresh-dist", None, "fresh-dist 2.4.0"),
    ]


def test_third_party_module_crashing_the_warm_up_is_still_isolated(tmp_path: Path) -> None:
    """A non-application module that segfaults while a worker pre-imports it only fails its user."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "crashy_vendor.py").write_text("import ctypes\nctypes.string_at(0)\n")
    files = {"usr/__init__.py": "", "usr/a.py": "import crashy_vendor\n", "usr/b.py": "B = 1\n"}
    registry = make_app(tmp_path / "app", files, '[symbols]\na = "usr.a"\nB = "usr.b:B"\n')
    report = check(registry, paths=[site], jobs=1)
    assert codes(report) == {"a": "SSOT014", "B": None}
    (result,) = report.results_for("symbol", "a")
    assert result.message == "importing usr.a crashed: killed by SIGSEGV"


def test_external_entries_are_never_imported(tmp_path: Path) -> None:
    """`[[external]]` paths are for scan and migrate only: check does not import them."""
    marker = tmp_path / "imported.txt"
    files = {"vendorish.py": f"open({str(marker)!r}, 'w').close()\nOLD = 1\n"}
    registry = make_app(
        tmp_path, files, '[[external]]\nold = "vendorish:OLD"\nnew = "vendorish:NEW"\n'
    )
    report = check(registry, jobs=1)
    assert (report.ok, report.total, marker.exists()) == (True, 0, False)


def test_syntax_error_is_located_in_the_broken_file(tmp_path: Path) -> None:
    """A syntax error deep in a chain is the root cause at its own file and line."""
    files = {
        "syn/__init__.py": "",
        "syn/user.py": "import syn.bad\n",
        "syn/bad.py": "x = 1\ny = (\n",
    }
    registry = make_app(tmp_path, files, '[symbols]\nuser = "syn.user"\nbad = "syn.bad"\n')
    (cause,) = check(registry, jobs=1).root_causes
    assert (cause.module, cause.file, cause.line, cause.entries) == (
        "syn.bad",
        str(tmp_path / "syn" / "bad.py"),
        2,
        ("user", "bad"),
    )
    assert cause.error == "SyntaxError: '(' was never closed (bad.py, line 2)"


def test_missing_submodule_of_an_installed_distribution(tmp_path: Path) -> None:
    """A module missing from an installed (too old) distribution names its version, not
    an installation hint."""
    site = tmp_path / "site"
    write_dist_info(site, "partial-dist", "1.0")
    (site / "partial_dist").mkdir()
    (site / "partial_dist" / "__init__.py").write_text("")
    files = {"usr2/__init__.py": "", "usr2/server.py": "import partial_dist.types\n"}
    registry = make_app(
        tmp_path / "app",
        files,
        '[requires]\npartial-dist = ">=2"\n\n[symbols]\nserver = "usr2.server"\n',
    )
    report = check(registry, paths=[site], jobs=1)
    assert codes(report) == {"partial-dist": "SSOT021", "server": "SSOT010"}
    (cause,) = report.root_causes
    assert cause.error == (
        "ModuleNotFoundError: No module named 'partial_dist.types' (distribution "
        "'partial-dist' 1.0 is installed; [requires] wants >=2)"
    )


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting to be reaped counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs /proc to see processes")
def test_interrupting_check_leaves_no_hanging_import_behind(tmp_path: Path) -> None:
    """Ctrl-C on `check` (exit 130) also kills the child stuck in a hanging import."""
    pid_file = tmp_path / "child.pid"
    files = {
        "stuck/__init__.py": "",
        "stuck/wait.py": f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "time.sleep(120)\n",
    }
    registry = make_app(tmp_path, files, '[symbols]\nwait = "stuck.wait"\n')
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ssot_registry",
            "check",
            "--registry",
            str(registry),
            "--timeout",
            "100",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_reaches_it,  # noqa: PLW1509 - no threads start it
    )
    deadline = time.monotonic() + 20
    while not pid_file.exists() or not pid_file.read_text():
        assert time.monotonic() < deadline, "the hanging import never started"
        time.sleep(0.05)
    child = int(pid_file.read_text())
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert (process.returncode, err) == (130, "ssot-registry: interrupted\n")
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)

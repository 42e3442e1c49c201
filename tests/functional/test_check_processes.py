"""Nothing `check` starts outlives it, and what imported code does to its process is contained.

Each hostile module is written into tmp_path and imported by a real `check`
subprocess; the module writes the pids of the processes it starts to a file,
and the test checks by those pids that they are gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.signals import ctrl_c_reaches_it

pytestmark = pytest.mark.skipif(
    not Path("/proc/self").exists() or not hasattr(os, "fork"),
    reason="needs /proc to see processes, and fork",
)


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def gone(pid: int, within: float = 5.0) -> bool:
    """True once `pid` has ended, waiting up to `within` seconds."""
    deadline = time.monotonic() + within
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


@pytest.fixture
def pids(tmp_path: Path) -> Iterator[Path]:
    """The file hostile modules append their processes' pids to; killed by pid if left over."""
    path = tmp_path / "pids.txt"
    yield path
    for pid in read_pids(path):
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def read_pids(path: Path) -> list[int]:
    """The pids written so far."""
    return [int(line) for line in path.read_text().split()] if path.exists() else []


def write_app(root: Path, modules: dict[str, str], symbols: str) -> Path:
    """Package `hostile` with `modules`, and a registry with `symbols`; return the registry."""
    package = root / "hostile"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for name, source in modules.items():
        (package / f"{name}.py").write_text(textwrap.dedent(source))
    registry = root / "registry.toml"
    registry.write_text('[registry]\nschema = 1\nname = "hostile"\n\n[symbols]\n' + symbols)
    return registry


def run_check(root: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`ssot-registry check` in a real process, from `root`."""
    return subprocess.run(
        [sys.executable, "-m", "ssot_registry", "check", "--registry", "registry.toml", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def spawner(pids: Path) -> str:
    """A module that starts `sleep 300` at import and records its pid."""
    return textwrap.dedent(f"""\
        import subprocess
        child = subprocess.Popen(["sleep", "300"])
        with open({str(pids)!r}, "a") as f:
            f.write(f"{{child.pid}}\\n")
        VALUE = 1
        """)


@pytest.mark.parametrize("isolate", ["--isolate", "--no-isolate"])
def test_process_started_at_import_is_ended(tmp_path: Path, pids: Path, isolate: str) -> None:
    """A `sleep 300` started while importing does not outlive a successful check."""
    write_app(tmp_path, {"spawns": spawner(pids)}, 'VALUE = "hostile.spawns:VALUE"\n')
    completed = run_check(tmp_path, isolate)
    assert completed.returncode == 0, completed.stdout
    (child,) = read_pids(pids)
    assert gone(child)


def test_setsid_at_import_is_not_a_failure(tmp_path: Path, pids: Path) -> None:
    """`os.setsid()` at import works as in an application (the child is no group leader),
    and the process it starts in its new session is still ended."""
    source = spawner(pids).replace("import subprocess", "import os, subprocess\nos.setsid()")
    write_app(tmp_path, {"daemon": source}, 'VALUE = "hostile.daemon:VALUE"\n')
    completed = run_check(tmp_path, "--format", "json")
    assert json.loads(completed.stdout)["results"][0]["status"] == "ok", completed.stdout
    (child,) = read_pids(pids)
    assert gone(child)


@pytest.mark.parametrize("isolate", ["--isolate", "--no-isolate"])
def test_keyboard_interrupt_at_import_fails_that_entry(tmp_path: Path, isolate: str) -> None:
    """`raise KeyboardInterrupt` in a module is SSOT010 at its line; the run reports the rest."""
    write_app(
        tmp_path,
        {"ctrlc": "X = 1\nraise KeyboardInterrupt\n", "fine": "Y = 2\n"},
        'X = "hostile.ctrlc:X"\nY = "hostile.fine:Y"\n',
    )
    completed = run_check(tmp_path, "--format", "json", isolate)
    assert completed.returncode == 1, completed.stderr
    data = json.loads(completed.stdout)
    assert [(r["entry"], r["code"]) for r in data["results"]] == [("X", "SSOT010"), ("Y", None)]
    (cause,) = data["root_causes"]
    assert (cause["line"], cause["error"]) == (2, "KeyboardInterrupt: ")


def test_grandchild_holding_the_pipe_is_not_a_timeout(tmp_path: Path, pids: Path) -> None:
    """A module that forks a long-lived process (inheriting every fd) passes, and the fork ends."""
    source = f"""\
        import os, time
        pid = os.fork()
        if pid == 0:
            time.sleep(300)
            os._exit(0)
        with open({str(pids)!r}, "a") as f:
            f.write(f"{{pid}}\\n")
        VALUE = 1
        """
    write_app(tmp_path, {"forks": source}, 'VALUE = "hostile.forks:VALUE"\n')
    completed = run_check(tmp_path, "--format", "json", "--timeout", "20")
    assert json.loads(completed.stdout)["results"][0]["code"] is None, completed.stdout
    (grandchild,) = read_pids(pids)
    assert gone(grandchild)


def hanging(pids: Path) -> str:
    """A module that starts `sleep 300`, records both pids, then never finishes importing."""
    return (
        spawner(pids)
        .replace(
            "VALUE = 1", f"open({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\ntime.sleep(300)"
        )
        .replace("import subprocess", "import os, subprocess, time")
    )


@pytest.mark.parametrize("isolate", ["--isolate", "--no-isolate"])
@pytest.mark.parametrize(
    ("signum", "status", "message"),
    [
        (signal.SIGINT, 130, "ssot-registry: interrupted\n"),
        (signal.SIGTERM, 143, "ssot-registry: terminated\n"),
    ],
)
def test_signal_to_check_ends_every_process(
    tmp_path: Path, pids: Path, signum: int, status: int, message: str, isolate: str
) -> None:
    """Ctrl-C (SIGINT to the whole group) or SIGTERM to check: one line, and the hanging
    import and the process it started are both gone."""
    write_app(tmp_path, {"hangs": hanging(pids)}, 'VALUE = "hostile.hangs:VALUE"\n')
    process = subprocess.Popen(
        [sys.executable, "-m", "ssot_registry", "check", "--registry", "registry.toml", isolate],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, so the test can signal the group like a terminal
        preexec_fn=ctrl_c_reaches_it,  # noqa: PLW1509 - no threads start it
    )
    try:
        deadline = time.monotonic() + 30
        while len(read_pids(pids)) < 2:
            assert time.monotonic() < deadline, "the hanging import never started"
            time.sleep(0.05)
        if signum == signal.SIGINT:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (process.returncode, err) == (status, message)
    assert all(gone(pid) for pid in read_pids(pids))


def test_no_isolate_contains_what_imported_code_does_to_its_process(tmp_path: Path) -> None:
    """--no-isolate: an atexit print, a non-daemon thread, os.chdir("/") and printing at
    import change neither the JSON report, nor where --output goes, nor the exit."""
    write_app(
        tmp_path,
        {
            "rude": """\
                import atexit, os, threading, time
                atexit.register(print, '{"not": "the report"}')
                threading.Thread(target=time.sleep, args=(300,)).start()
                os.chdir("/")
                print("noise")
                VALUE = 1
                """,
        },
        'VALUE = "hostile.rude:VALUE"\n',
    )
    completed = run_check(tmp_path, "--no-isolate", "--format", "json", "--output", "r.json")
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["passed"] == 1


def test_no_isolate_survives_a_crash_with_a_report(tmp_path: Path) -> None:
    """--no-isolate: a segfault while importing fails the entry being checked and those after
    it, keeps the outcomes already written, and ends with a full report (exit 1)."""
    write_app(
        tmp_path,
        {"segv": "import ctypes\nctypes.string_at(0)\n", "fine": "Y = 2\n"},
        'Y = "hostile.fine:Y"\nS = "hostile.segv"\n',
    )
    completed = run_check(tmp_path, "--no-isolate", "--format", "json")
    assert completed.returncode == 1, completed.stderr
    data = json.loads(completed.stdout)
    assert [(r["entry"], r["code"], r["message"]) for r in data["results"]] == [
        ("Y", None, "hostile.fine:Y is an object"),
        ("S", "SSOT014", "importing hostile.segv crashed: killed by SIGSEGV"),
    ]

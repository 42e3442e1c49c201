"""The isolated side of `check --isolate`: a warm worker that forks once per unit.

The worker is a separate interpreter (`sys.executable`) whose stdout and
stderr go nowhere, so nothing imported code prints can reach the report;
it talks to the check process over two dedicated pipes, one JSON line per
message. It first imports what is not the application (stdlib and
third-party modules the application imports), then forks a child per unit:
each child starts from that warm state with no application module loaded.
Where `os.fork` does not exist, `run_once` checks one unit per fresh
interpreter instead.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import json
import os
import pickle
import selectors
import signal
import sys
import time
from typing import Any

__all__ = ["run_once", "serve"]

_CHUNK = 65536


def _load_config(path: str) -> dict[str, Any]:
    with open(path, "rb") as handle:
        config: dict[str, Any] = pickle.load(handle)  # noqa: S301 - written by the check process
    sys.path[:] = config["sys_path"]
    return config


def _registry(config: dict[str, Any]) -> Any:
    """The registry, built once (in the warm worker, before any fork)."""
    registry = config["registry"]
    registry.aliases  # noqa: B018 - materialize the entry models once, not per child
    return registry


def _check(unit: dict[str, Any], config: dict[str, Any]) -> list[dict[str, Any]]:
    from ssot_registry.validator.probe import run_units

    roots = frozenset(config["roots"])
    try:
        return run_units([unit], _registry(config), roots)
    except BaseException as error:
        return [
            failure(task, "SSOT014", f"the check itself failed: {error!r}", unit["module"])
            for task in unit["tasks"]
        ]


def failure(task: dict[str, Any], code: str, message: str, module: str = "") -> dict[str, Any]:
    """The outcome of a task that failed before it could be checked (crash, timeout, ...)."""
    return {
        "entry": task["entry"],
        "kind": task["type"],
        "status": "fail",
        "code": code,
        "message": message,
        "line": task.get("line"),
        "cause": {"module": module, "file": None, "line": None, "chain": [], "error": message},
    }


def _try_import(name: str, sink: io.StringIO) -> int:
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            importlib.import_module(name)
    except BaseException:
        return 0
    return 1


def _preimport(names: list[str], roots: frozenset[str]) -> int:
    """Import what is not the application; forget any application module that came along
    (but never this library's own modules, imported before)."""
    done = 0
    sink = io.StringIO()
    before = set(sys.modules)
    for name in names:
        done += _try_import(name, sink)
    for loaded in set(sys.modules) - before:
        if loaded.partition(".")[0] in roots:
            del sys.modules[loaded]
    return done


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        return f"crashed: killed by {name}"
    return f"exited the interpreter with status {os.waitstatus_to_exitcode(status)} (os._exit?)"


_RUNNING: list[int] = []  # the child being waited for, killed with us on SIGTERM


def _terminate(signum: int, frame: object) -> None:
    """Stopped by the check process: take the running child (and its group) along."""
    for pid in _RUNNING:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    os._exit(1)


def _fork_unit(
    unit: dict[str, Any], config: dict[str, Any], closing: list[int]
) -> list[dict[str, Any]]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: check, write, leave without cleanup
        os.close(read_end)
        for fd in closing:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        gc.disable()  # a short-lived child: collecting would only copy the parent's pages
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        data = json.dumps(_check(unit, config)).encode()
        with contextlib.suppress(OSError):
            _write_all(write_end, data)
        os._exit(0)
    os.close(write_end)
    _RUNNING[:] = [pid]
    try:
        return _collect(pid, read_end, unit, config["timeout"])
    finally:
        _RUNNING.clear()


def _collect(pid: int, read_end: int, unit: dict[str, Any], timeout: float) -> list[dict[str, Any]]:
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(read_end, selectors.EVENT_READ)
        timed_out = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                timed_out = True
                break
            chunk = os.read(read_end, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
    os.close(read_end)
    if timed_out:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        message = f"importing {unit['module']} did not finish within {timeout:g} s (killed)"
        return [failure(t, "SSOT013", message, unit["module"]) for t in unit["tasks"]]
    _, status = os.waitpid(pid, 0)
    try:
        outcomes: list[dict[str, Any]] = json.loads(b"".join(chunks))
    except ValueError:
        message = f"importing {unit['module']} {_describe_status(status)}"
        return [failure(t, "SSOT014", message, unit["module"]) for t in unit["tasks"]]
    return outcomes


def serve() -> None:
    """The warm worker: `python -c '...serve()' REQUEST_FD RESPONSE_FD`.

    It starts before the check process has its plan, imports this library,
    then waits for the first line: the config file and whether to pre-import.
    """
    requests, responses = int(sys.argv[1]), int(sys.argv[2])
    signal.signal(signal.SIGTERM, _terminate)
    importlib.import_module("ssot_registry.validator.probe")
    with contextlib.suppress(ImportError):
        importlib.import_module("ssot_registry.runtime")  # warm: alias checks need it
    with os.fdopen(requests, "rb") as incoming:
        first = json.loads(incoming.readline() or b"null")
        if first is None:
            return
        config = _load_config(first["config"])
        config["registry"] = _registry(config)
        preimported = 0
        if first["preimport"]:
            preimported = _preimport(config["preimport"], frozenset(config["roots"]))
        gc.collect()
        gc.freeze()  # children's collections skip the warm state: no copy-on-write storms
        _write_all(responses, json.dumps({"ready": preimported}).encode() + b"\n")
        for line in incoming:
            unit = json.loads(line)
            outcomes = _fork_unit(unit, config, [requests, responses])
            _write_all(responses, json.dumps({"outcomes": outcomes}).encode() + b"\n")


def run_once() -> None:
    """A fresh interpreter for one unit: argv is CONFIG UNIT_FILE RESULT_FILE."""
    config = _load_config(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as handle:
        unit = json.load(handle)
    outcomes = _check(unit, config)
    with open(sys.argv[3], "w", encoding="utf-8") as handle:
        json.dump(outcomes, handle)
    os._exit(0)

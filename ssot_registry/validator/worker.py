"""The isolated side of `check`: a warm worker that forks once per unit.

The worker is a separate interpreter (`sys.executable`, or a fork of the
check process for `--no-isolate`) in a session of its own, whose stdout and
stderr go nowhere, so nothing imported code prints can reach the report; it
talks to the check process over two dedicated pipes in `wire` frames. It
first imports what is not the application (stdlib and third-party modules
the application imports), then forks a child per unit: each child starts
from that warm state with no application module loaded, stays in the
worker's process group (so `os.setsid()` at import works as it would in an
application), and leaves with `os._exit` once its outcomes are written (no
`atexit` handler, no non-daemon thread can hold it). After each unit the
worker ends every process the unit left behind (`processes.py`). Where
`os.fork` does not exist, `run_once` checks one unit per fresh interpreter.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import os
import pickle
import signal
import sys

from ssot_registry.validator import processes
from ssot_registry.validator.records import (
    Configure,
    Done,
    Outcome,
    Ready,
    Unit,
    WorkerConfig,
    unit_failures,
)
from ssot_registry.validator.wire import Frames, encode, read_frame, write_all

__all__ = ["run_once", "serve", "serve_on"]

_CHUNK = 65536


def _load_config(path: str) -> WorkerConfig:
    with open(path, "rb") as handle:
        config = pickle.load(handle)  # noqa: S301 - written by the check process
    if not isinstance(config, WorkerConfig):
        raise TypeError(f"{path}: not a WorkerConfig")
    sys.path[:] = config.sys_path
    if config.registry is not None:
        config.registry.aliases  # noqa: B018 - build the entry models once, not per child
    return config


def _check(unit: Unit, config: WorkerConfig) -> list[Outcome]:
    from ssot_registry.validator.probe import run_units

    try:
        return run_units([unit], config)
    except BaseException as error:
        return unit_failures(unit, "SSOT014", f"the check itself failed: {error!r}")


def _try_import(name: str, sink: io.StringIO) -> int:
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            importlib.import_module(name)
    except BaseException:
        return 0
    return 1


def _preimport(names: tuple[str, ...], roots: frozenset[str]) -> int:
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
    processes.end_descendants()  # a pre-imported module may have started a process too
    return done


def describe_status(status: int) -> str:
    """How a child ended, in words: `crashed: killed by SIGSEGV`, `exited ... with status 3`."""
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
    """Stopped by the check process: take the running child and everything below along."""
    for pid in _RUNNING:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    processes.end_descendants()
    os._exit(1)


def _child(unit: Unit, config: WorkerConfig, write_end: int) -> None:
    """In the forked child: check, write the outcomes, leave without any cleanup."""
    gc.disable()  # a short-lived child: collecting would only copy the parent's pages
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    data = encode(_check(unit, config))
    with contextlib.suppress(OSError):
        write_all(write_end, data)
    os._exit(0)


def _fork_unit(unit: Unit, config: WorkerConfig, closing: tuple[int, ...]) -> list[Outcome]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        for fd in closing:
            os.close(fd)
        _child(unit, config, write_end)
    os.close(write_end)
    _RUNNING[:] = [pid]
    try:
        return _collect(pid, read_end, unit, config.timeout)
    finally:
        _RUNNING.clear()
        processes.end_descendants()


def _collect(pid: int, read_end: int, unit: Unit, timeout: float | None) -> list[Outcome]:
    """The child's outcomes: complete as soon as its frame arrived (a grandchild that still
    holds the pipe does not matter), else a timeout or a crash."""
    try:
        message, timed_out = read_frame(read_end, timeout)
    finally:
        os.close(read_end)
    if message is not None or timed_out:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)  # done writing (or hanging): it has nothing left to do
    _, status = os.waitpid(pid, 0)
    if timed_out:
        message_text = f"importing {unit.module} did not finish within {timeout:g} s (killed)"
        return unit_failures(unit, "SSOT013", message_text)
    if isinstance(message, list):
        return message
    return unit_failures(unit, "SSOT014", f"importing {unit.module} {describe_status(status)}")


def serve() -> None:
    """The warm worker: `python -c '...serve()' REQUEST_FD RESPONSE_FD`."""
    serve_on(int(sys.argv[1]), int(sys.argv[2]))


def serve_on(requests: int, responses: int) -> None:
    """Answer `Configure` with `Ready`, then each `Unit` with `Done`, until the pipe closes.

    It starts before the check process has its plan and imports this library
    while it waits for the config.
    """
    signal.signal(signal.SIGTERM, _terminate)
    processes.become_subreaper()
    importlib.import_module("ssot_registry.validator.probe")
    with contextlib.suppress(ImportError):
        importlib.import_module("ssot_registry.runtime")  # warm: alias checks need it
    frames = Frames()
    config: WorkerConfig | None = None
    while chunk := os.read(requests, _CHUNK):
        for message in frames.feed(chunk):
            if isinstance(message, Configure):
                config = _load_config(message.path)
                preimported = 0
                if message.preimport:
                    preimported = _preimport(config.preimport, config.roots)
                gc.collect()
                gc.freeze()  # children's collections skip the warm state: no copy-on-write
                write_all(responses, encode(Ready(preimported)))
            elif isinstance(message, Unit) and config is not None:
                outcomes = _fork_unit(message, config, (requests, responses))
                write_all(responses, encode(Done(tuple(outcomes))))


def run_once() -> None:
    """A fresh interpreter for one unit: argv is CONFIG UNIT_FILE RESULT_FILE."""
    config = _load_config(sys.argv[1])
    with open(sys.argv[2], "rb") as handle:
        unit = pickle.load(handle)  # noqa: S301 - written by the check process
    outcomes = _check(unit, config)
    with open(sys.argv[3], "wb") as handle:
        pickle.dump(outcomes, handle)
    os._exit(0)

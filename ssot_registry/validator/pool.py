"""The check process's side of isolation: start warm workers, hand out units, collect outcomes.

The pool knows nothing about what a task checks (records.py lists the
kinds): `run_isolated` runs any units in fresh interpreter states and
`run_together` runs them all in one separate process (`--no-isolate`).
Every worker is its own session and process group; closing the pool kills
each group by its id, so nothing a checked module started outlives `check`.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

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
from ssot_registry.validator.wire import Frames, encode, write_all

__all__ = ["WorkerPool", "run_isolated", "run_together"]

_DEPTH = 2
_SERVE = "from ssot_registry.validator.worker import serve; serve()"
_RUN_ONCE = "from ssot_registry.validator.worker import run_once; run_once()"
_CHUNK = 65536
_GRACE = 2.0


def can_fork() -> bool:
    """Whether this process may fork safely (POSIX, and no other thread running)."""
    return hasattr(os, "fork") and threading.active_count() == 1


class _Worker:
    """One warm worker process (its own session) and the units sent to it."""

    def __init__(self, *, preimport: bool, forked: bool) -> None:
        requests_read, self.requests = os.pipe()
        self.responses, responses_write = os.pipe()
        self.process: subprocess.Popen[bytes] | None = None
        if forked:
            self.pid = _fork_worker(requests_read, responses_write, (self.requests, self.responses))
        else:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _SERVE, str(requests_read), str(responses_write)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                pass_fds=(requests_read, responses_write),
                close_fds=True,
                start_new_session=True,
            )
            self.pid = self.process.pid
        os.close(requests_read)
        os.close(responses_write)
        self.frames = Frames()
        self.queued: deque[Unit] = deque()  # sent, not answered; the first one is running
        self.ready = False
        self.started = time.monotonic()
        self.preimport = preimport

    def configure(self, config_path: str) -> None:
        """Tell the worker its config; it warms up and answers `Ready`."""
        self.started = time.monotonic()
        write_all(self.requests, encode(Configure(config_path, self.preimport)))

    def send(self, unit: Unit) -> None:
        if not self.queued:
            self.started = time.monotonic()
        self.queued.append(unit)
        write_all(self.requests, encode(unit))

    def read(self) -> list[object] | None:
        """Messages that arrived; None when the worker is gone."""
        chunk = os.read(self.responses, _CHUNK)
        return self.frames.feed(chunk) if chunk else None

    def _exited(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None:
                if self.process.poll() is not None:
                    return True
            else:
                with contextlib.suppress(ChildProcessError):
                    if os.waitpid(self.pid, os.WNOHANG)[0] == 0 and time.monotonic() < deadline:
                        time.sleep(0.01)
                        continue
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)

    def stop(self) -> None:
        """End the worker (it ends its children first), then everything left in its group."""
        for fd in (self.requests, self.responses):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.kill(self.pid, 15)  # SIGTERM: the worker kills its descendants, then exits
        if not self._exited(_GRACE):
            processes.kill_group(self.pid)
            self._exited(_GRACE)
        processes.kill_group(self.pid)  # whatever a checked module left in the group


def _fork_worker(requests: int, responses: int, parent_ends: tuple[int, ...]) -> int:
    """A worker forked from this process (for `--no-isolate`: the caller's state, one process)."""
    pid = os.fork()
    if pid:
        return pid
    try:  # the child: a session of its own, nothing printed reaches our stdout or stderr
        os.setsid()
        for fd in parent_ends:
            os.close(fd)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        from ssot_registry.validator.worker import serve_on

        serve_on(requests, responses)
    finally:
        os._exit(0)


class WorkerPool:
    """`jobs` warm workers, started before the plan is ready; replaces a worker that dies."""

    def __init__(self, jobs: int, timeout: float | None, *, forked: bool = False) -> None:
        self.timeout = timeout
        self.forked = forked
        self.selector = selectors.DefaultSelector()
        self.workers: list[_Worker] = []
        self.preimport = not forked
        self.config_path = ""
        self.pending: deque[Unit] = deque()
        for _ in range(jobs):
            self._start()

    def _start(self) -> None:
        worker = _Worker(preimport=self.preimport, forked=self.forked)
        self.workers.append(worker)
        self.selector.register(worker.responses, selectors.EVENT_READ, worker)
        if self.config_path:
            worker.configure(self.config_path)

    def _replace(self, worker: _Worker, *, preimport: bool | None = None) -> None:
        self.selector.unregister(worker.responses)
        worker.stop()
        self.workers.remove(worker)
        if preimport is not None:
            self.preimport = preimport
        self._start()

    def configure(self, config_path: str) -> None:
        """Hand every worker the pickled `WorkerConfig`."""
        self.config_path = config_path
        for worker in self.workers:
            worker.configure(config_path)

    def run(self, units: Sequence[Unit]) -> list[Outcome]:
        """Check every unit; each worker holds up to `_DEPTH` units so it never waits for us."""
        self.pending = deque(units)
        outcomes: list[Outcome] = []
        while self.pending or any(worker.queued for worker in self.workers):
            for worker in self.workers:
                while worker.ready and len(worker.queued) < _DEPTH and self.pending:
                    worker.send(self.pending.popleft())
            for key, _ in self.selector.select(timeout=1.0):
                self._receive(key.data, outcomes)
            self._police(outcomes)
        return outcomes

    def _receive(self, worker: _Worker, outcomes: list[Outcome]) -> None:
        messages = worker.read()
        if messages is None:
            self._lost(worker, outcomes, "the check worker died")
            return
        for message in messages:
            if isinstance(message, Ready):
                worker.ready = True
            elif isinstance(message, Done):
                outcomes.extend(message.outcomes)
                worker.queued.popleft()
            worker.started = time.monotonic()

    def _lost(self, worker: _Worker, outcomes: list[Outcome], why: str) -> None:
        """The running unit fails with `why`; units queued behind it go to another worker."""
        if worker.queued:
            unit = worker.queued.popleft()
            outcomes.extend(unit_failures(unit, "SSOT014", f"importing {unit.module}: {why}"))
            self.pending.extendleft(reversed(worker.queued))
        if not worker.ready and not worker.preimport:
            raise RuntimeError(f"ssot-registry check: a worker interpreter cannot start ({why})")
        # a worker that dies or hangs while warming up is replaced by a cold one
        self._replace(worker, preimport=False if not worker.ready else None)

    def _police(self, outcomes: list[Outcome]) -> None:
        """Replace workers stuck past the timeout (the worker kills its own children first)."""
        if self.timeout is None:
            return
        now = time.monotonic()
        limit = self.timeout + 10.0
        for worker in list(self.workers):
            if now - worker.started > limit and (worker.queued or not worker.ready):
                self._lost(worker, outcomes, f"no answer within {limit:g} s")

    def close(self) -> None:
        """Stop every worker and kill its process group (safe to call twice)."""
        for worker in self.workers:
            worker.stop()
        if self.workers:
            self.selector.close()
        self.workers = []


def _run_fresh(unit: Unit, config_path: str, timeout: float | None, scratch: Path) -> list[Outcome]:
    """One unit in a fresh interpreter of its own session (no fork available or allowed)."""
    unit_file = scratch / f"unit-{id(unit)}.pickle"
    result_file = scratch / f"result-{id(unit)}.pickle"
    unit_file.write_bytes(pickle.dumps(unit))
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN_ONCE, config_path, str(unit_file), str(result_file)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        status = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        message = f"importing {unit.module} did not finish within {timeout:g} s (killed)"
        return unit_failures(unit, "SSOT013", message)
    finally:
        processes.kill_group(process.pid)
        process.wait()
    try:
        outcomes = pickle.loads(result_file.read_bytes())  # noqa: S301 - our own worker wrote it
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        message = f"importing {unit.module} exited the interpreter with status {status}"
        return unit_failures(unit, "SSOT014", message)
    return list(outcomes)


def _write_config(scratch: str, config: WorkerConfig) -> str:
    path = os.path.join(scratch, "config.pickle")
    with open(path, "wb") as handle:
        pickle.dump(config, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def run_isolated(
    units: Sequence[Unit],
    config: WorkerConfig,
    *,
    jobs: int,
    method: str,
    pool: WorkerPool | None = None,
) -> list[Outcome]:
    """Run every unit in a fresh interpreter state: `fork` from warm workers, or `spawn`.

    A `pool` started earlier (to warm up while the plan is made) is used and closed.
    """
    try:
        if not units:
            return []
        with tempfile.TemporaryDirectory(prefix="ssot-check-") as scratch:
            config_path = _write_config(scratch, config)
            if method == "spawn":
                with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(units)))) as executor:
                    batches = executor.map(
                        lambda u: _run_fresh(u, config_path, config.timeout, Path(scratch)), units
                    )
                    return [outcome for batch in batches for outcome in batch]
            pool = pool or WorkerPool(max(1, min(jobs, len(units))), config.timeout)
            pool.configure(config_path)
            return pool.run(units)
    finally:
        if pool is not None:
            pool.close()


def run_together(units: Sequence[Unit], config: WorkerConfig) -> list[Outcome]:
    """Run every task in one process other than this one (`--no-isolate`): a fork of this
    process where that is safe, else one fresh interpreter. Whatever the imported code does
    (print, chdir, atexit, non-daemon threads, KeyboardInterrupt, child processes) stays there.
    """
    if not units:
        return []
    label = units[0].module if len(units) == 1 else f"{units[0].module} (and every other module)"
    together = [Unit(label, tuple(task for unit in units for task in unit.tasks))]
    if not can_fork():
        return run_isolated(together, config, jobs=1, method="spawn")
    return run_isolated(
        together, config, jobs=1, method="fork", pool=WorkerPool(1, None, forked=True)
    )

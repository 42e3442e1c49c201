"""The check process's side of isolation: start warm workers, hand out units, collect outcomes."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import selectors
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ssot_registry.validator.worker import failure

__all__ = ["WorkerPool", "run_isolated"]

Unit = dict[str, Any]
Outcome = dict[str, Any]

_DEPTH = 2
_SERVE = "from ssot_registry.validator.worker import serve; serve()"
_RUN_ONCE = "from ssot_registry.validator.worker import run_once; run_once()"


def _failures(unit: Unit, code: str, message: str) -> list[Outcome]:
    return [failure(task, code, message, unit["module"]) for task in unit["tasks"]]


class _Worker:
    """One warm worker process and the units sent to it."""

    def __init__(self, *, preimport: bool) -> None:
        self.requests_read, self.requests = os.pipe()
        self.responses, self.responses_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", _SERVE, str(self.requests_read), str(self.responses_write)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(self.requests_read, self.responses_write),
            close_fds=True,
        )
        os.close(self.requests_read)
        os.close(self.responses_write)
        self.buffer = b""
        self.queued: deque[Unit] = deque()  # sent, not answered; the first one is running
        self.ready = False
        self.started = time.monotonic()
        self.preimport = preimport

    def configure(self, config_path: str) -> None:
        """Tell the worker its config; it warms up and answers `ready`."""
        self.started = time.monotonic()
        self._write({"config": config_path, "preimport": self.preimport})

    def send(self, unit: Unit) -> None:
        if not self.queued:
            self.started = time.monotonic()
        self.queued.append(unit)
        self._write(unit)

    def _write(self, message: object) -> None:
        data = json.dumps(message).encode() + b"\n"
        view = memoryview(data)
        while view:
            view = view[os.write(self.requests, view) :]

    def read(self) -> list[dict[str, Any]] | None:
        """Messages that arrived; None when the worker is gone."""
        chunk = os.read(self.responses, 65536)
        if not chunk:
            return None
        self.buffer += chunk
        *lines, self.buffer = self.buffer.split(b"\n")
        return [json.loads(line) for line in lines if line]

    def stop(self) -> None:
        for fd in (self.requests, self.responses):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self.process.poll() is None:
            self.process.terminate()  # the worker kills the child it is waiting for, then exits
            try:
                self.process.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process.wait()


class WorkerPool:
    """`jobs` warm workers, started before the plan is ready; replaces a worker that dies."""

    def __init__(self, jobs: int, timeout: float) -> None:
        self.timeout = timeout
        self.selector = selectors.DefaultSelector()
        self.workers: list[_Worker] = []
        self.preimport = True
        self.config_path = ""
        self.pending: deque[Unit] = deque()
        for _ in range(jobs):
            self._start()

    def _start(self) -> None:
        worker = _Worker(preimport=self.preimport)
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
        """Hand every worker the config file (registry rows, roots, sys.path, pre-imports)."""
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
            if "ready" in message:
                worker.ready = True
            else:
                outcomes.extend(message["outcomes"])
                worker.queued.popleft()
            worker.started = time.monotonic()

    def _lost(self, worker: _Worker, outcomes: list[Outcome], why: str) -> None:
        """The running unit fails with `why`; units queued behind it go to another worker."""
        if worker.queued:
            unit = worker.queued.popleft()
            outcomes.extend(_failures(unit, "SSOT014", f"importing {unit['module']}: {why}"))
            self.pending.extendleft(reversed(worker.queued))
        if not worker.ready and not worker.preimport:
            raise RuntimeError(f"ssot-registry check: a worker interpreter cannot start ({why})")
        # a worker that dies or hangs while warming up is replaced by a cold one
        self._replace(worker, preimport=False if not worker.ready else None)

    def _police(self, outcomes: list[Outcome]) -> None:
        """Replace workers stuck past the timeout (the worker kills its own children first)."""
        now = time.monotonic()
        limit = self.timeout + 10.0
        for worker in list(self.workers):
            if now - worker.started > limit and (worker.queued or not worker.ready):
                self._lost(worker, outcomes, f"no answer within {limit:g} s")

    def close(self) -> None:
        """Stop every worker (safe to call twice)."""
        for worker in self.workers:
            worker.stop()
        if self.workers:
            self.selector.close()
        self.workers = []


def _run_fresh(unit: Unit, config_path: str, timeout: float, scratch: Path) -> list[Outcome]:
    unit_file = scratch / f"unit-{id(unit)}.json"
    result_file = scratch / f"result-{id(unit)}.json"
    unit_file.write_text(json.dumps(unit), encoding="utf-8")
    try:
        completed = subprocess.run(
            [sys.executable, "-c", _RUN_ONCE, config_path, str(unit_file), str(result_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return _failures(
            unit,
            "SSOT013",
            f"importing {unit['module']} did not finish within {timeout:g} s (killed)",
        )
    try:
        outcomes: list[Outcome] = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _failures(
            unit,
            "SSOT014",
            f"importing {unit['module']} exited the interpreter with status {completed.returncode}",
        )
    return outcomes


def run_isolated(
    units: Sequence[Unit],
    config: dict[str, Any],
    *,
    jobs: int,
    timeout: float,
    method: str,
    pool: WorkerPool | None = None,
) -> list[Outcome]:
    """Check every unit in a fresh interpreter state: `fork` from warm workers, or `spawn`.

    A `pool` started earlier (see `start_pool`) is used and closed.
    """
    if not units:
        if pool is not None:
            pool.close()
        return []
    with tempfile.TemporaryDirectory(prefix="ssot-check-") as scratch:
        config_path = os.path.join(scratch, "config.pickle")
        with open(config_path, "wb") as handle:
            pickle.dump({**config, "timeout": timeout}, handle)
        if method == "spawn":
            with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(units)))) as executor:
                batches = executor.map(
                    lambda unit: _run_fresh(unit, config_path, timeout, Path(scratch)), units
                )
                return [outcome for batch in batches for outcome in batch]
        pool = pool or WorkerPool(max(1, min(jobs, len(units))), timeout)
        try:
            pool.configure(config_path)
            return pool.run(units)
        finally:
            pool.close()

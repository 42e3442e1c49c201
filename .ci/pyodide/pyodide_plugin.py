"""pytest plugin of the Pyodide lane: registries compiled on the host, platform skips.

On the host (`--record-registries DIR`), every registry text the tests validate is
also written to DIR as a compiled registry (`ssot-registry compile`'s JSON), keyed
by a digest of the text. Under Pyodide, where pydantic has no wheel, the plugin
puts a `ssot_registry.registry.validation` in place that reads those files with
`load_compiled` instead of validating: the tests run on the registries the real
validator produced. A test that needs what WebAssembly lacks (a subprocess, fork,
a thread, pydantic for an invalid registry) is reported as skipped with that reason.
"""

from __future__ import annotations

import hashlib
import os
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EMSCRIPTEN = sys.platform == "emscripten"
_STORE = "SSOT_PYODIDE_REGISTRIES"


def _key(text: str, static_checks: bool) -> str:
    return hashlib.sha256(f"{static_checks}\n{text}".encode()).hexdigest()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--record-registries", metavar="DIR", help="compile every validated text")


def _record(folder: Path) -> None:
    from ssot_registry.registry import validation
    from ssot_registry.registry.compiled_json import dump_compiled

    real = validation.validate_text

    def recording(text: str, path: Path | None, *, static_checks: bool) -> Any:
        registry, problems = real(text, path, static_checks=static_checks)
        if not problems:  # a registry with findings is not replayed: its test skips there
            (folder / f"{_key(text, static_checks)}.json").write_text(dump_compiled(registry))
        return registry, problems

    validation.validate_text = recording  # type: ignore[assignment]


def _replay(folder: Path) -> None:
    from ssot_registry.registry.compiled_json import load_compiled

    def validate_text(text: str, path: Path | None, *, static_checks: bool) -> Any:
        compiled = folder / f"{_key(text, static_checks)}.json"
        if not compiled.exists():
            pytest.skip("needs pydantic to validate this registry (no Pyodide wheel)")
        return load_compiled(compiled.read_bytes(), path), []

    module = types.ModuleType("ssot_registry.registry.validation")
    module.validate_text = validate_text  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module


def pytest_configure(config: pytest.Config) -> None:
    record = config.getoption("--record-registries")
    if record:
        Path(record).mkdir(parents=True, exist_ok=True)
        _record(Path(record))
    elif EMSCRIPTEN:
        _replay(Path(os.environ[_STORE]))


def _missing(error: BaseException) -> str | None:
    """What the platform lacks when `error` is how a test hit it (None for a real failure)."""
    if isinstance(error, ModuleNotFoundError) and error.name in ("pydantic", "_posixsubprocess"):
        return f"needs {error.name}, which Pyodide does not have"
    text = str(error)
    if isinstance(error, RuntimeError) and "can't start new thread" in text:
        return "needs threads, which Pyodide does not have"
    if isinstance(error, OSError) and error.errno in (52, 138):  # ENOSYS/ENOTSUP under Emscripten
        return "needs subprocesses or fork, which Pyodide does not have"
    if isinstance(error, AttributeError) and "fork" in text:
        return "needs fork, which Pyodide does not have"
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    try:
        return (yield)
    except Exception as error:
        reason = _missing(error) if EMSCRIPTEN else None
        if reason is None:
            raise
        pytest.skip(reason)


_SKIPPED: list[tuple[str, str]] = []
PASSED = 0  # tests whose call passed: the runner fails a lane that ran none


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    global PASSED  # noqa: PLW0603 - one count per run
    PASSED += report.when == "call" and report.passed
    if report.skipped and isinstance(report.longrepr, tuple):
        _SKIPPED.append((report.nodeid, str(report.longrepr[2]).removeprefix("Skipped: ")))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Every skipped test with its reason (the lane's report of what did not run here)."""
    if _SKIPPED:
        terminalreporter.section(f"skipped on {sys.platform} {sys.version.split()[0]}")
        for nodeid, reason in _SKIPPED:
            terminalreporter.write_line(f"{nodeid}: {reason}")

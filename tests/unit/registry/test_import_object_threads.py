"""`import_object` and a module another thread is still executing (importlib's `_initializing`)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ssot_registry.registry.paths import import_object

SLOW_MODULE = """\
_shared = __import__("ssot_import_object_gate")
_shared.started.set()
_shared.proceed.wait(10)
late = "defined after the pause"
"""


@pytest.fixture
def slow_module(tmp_path: Path) -> Iterator[tuple[threading.Event, threading.Event]]:
    """A module that pauses half-way through executing until the test lets it go on."""
    gate = type(sys)("ssot_import_object_gate")
    gate.started = threading.Event()  # type: ignore[attr-defined]
    gate.proceed = threading.Event()  # type: ignore[attr-defined]
    sys.modules["ssot_import_object_gate"] = gate
    (tmp_path / "ssot_slow_module.py").write_text(SLOW_MODULE, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield gate.started, gate.proceed  # type: ignore[attr-defined]
    finally:
        gate.proceed.set()  # type: ignore[attr-defined]
        sys.path.remove(str(tmp_path))
        sys.modules.pop("ssot_slow_module", None)
        sys.modules.pop("ssot_import_object_gate", None)


def test_a_module_still_executing_in_another_thread_is_waited_for(
    slow_module: tuple[threading.Event, threading.Event],
) -> None:
    """A half-executed module in sys.modules is not walked: import_object waits until it is done."""
    started, proceed = slow_module
    importer = threading.Thread(target=__import__, args=("ssot_slow_module",))
    importer.start()
    assert started.wait(10)
    assert "ssot_slow_module" in sys.modules  # present, but `late` is not defined yet
    found: list[object] = []

    def read_late() -> None:
        found.append(import_object("ssot_slow_module", ["late"]))

    reader = threading.Thread(target=read_late)
    reader.start()
    reader.join(0.2)
    assert reader.is_alive(), "import_object must wait for the module to finish"
    proceed.set()
    reader.join(10)
    importer.join(10)
    assert found == ["defined after the pause"]

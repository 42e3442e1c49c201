"""Concurrency: many threads importing old and canonical paths at once."""

from __future__ import annotations

import importlib
import random
import sys
import threading
import warnings
from collections import Counter
from pathlib import Path

import pytest
from runtime_support import HEADER, NEEDS_THREADS

from ssot_registry.exceptions import AliasWarning, DeprecatedAliasWarning
from ssot_registry.registry import load_text
from ssot_registry.runtime import install

pytestmark = NEEDS_THREADS

THREADS = 16
MODULES = 12


def _package(top: str) -> dict[str, str]:
    files = {f"{top}/__init__.py": "", f"{top}/new/__init__.py": ""}
    for index in range(MODULES):
        files[f"{top}/new/m{index}.py"] = (
            f"import time\ntime.sleep(0.001)\nVALUE = object()\nINDEX = {index}\n"
        )
    return files


def _registry(top: str) -> str:
    entries = []
    for index in range(MODULES):
        entries.append(f'[[alias]]\nold = "{top}.old{index}"\nnew = "{top}.new.m{index}"\n')
        entries.append(
            f'[[alias]]\nold = "{top}.attrs:value{index}"\nnew = "{top}.new.m{index}:VALUE"\n'
        )
    return HEADER + "\n".join(entries)


@pytest.mark.parametrize("round_number", range(5))
def test_sixteen_threads_get_one_module_per_path(on_sys_path, round_number: int) -> None:
    """Concurrent imports: one module object per path, no deadlock, no error, no lost warning."""
    top = f"threaded{round_number}"
    on_sys_path(_package(top))
    registry = load_text(_registry(top))
    paths = [f"{top}.old{i}" for i in range(MODULES)] + [f"{top}.new.m{i}" for i in range(MODULES)]
    attributes = [f"value{i}" for i in range(MODULES)]
    barrier = threading.Barrier(THREADS)
    results: list[dict[str, object]] = [{} for _ in range(THREADS)]
    errors: list[BaseException] = []

    def work(slot: int) -> None:
        order = random.Random(slot + 100 * round_number).sample(
            paths + attributes, len(paths) + len(attributes)
        )
        barrier.wait()
        try:
            for item in order:
                if item.startswith("value"):
                    results[slot][item] = getattr(importlib.import_module(f"{top}.attrs"), item)
                else:
                    results[slot][item] = importlib.import_module(item)
        except BaseException as error:
            errors.append(error)

    with (
        install(registry, strict=False) as installation,
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        uses: Counter[str] = Counter()
        installation.add_use_listener(lambda alias, filename, line: uses.update([str(alias.old)]))
        threads = [threading.Thread(target=work, args=(slot,)) for slot in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "deadlock"
    assert errors == []
    for index in range(MODULES):
        canonical = importlib.import_module(f"{top}.new.m{index}")
        for result in results:
            assert result[f"{top}.old{index}"] is canonical
            assert result[f"{top}.new.m{index}"] is canonical
            assert result[f"value{index}"] is canonical.VALUE  # type: ignore[attr-defined]
    alias_warnings = Counter(
        str(w.message).split(" ")[0] for w in caught if issubclass(w.category, AliasWarning)
    )
    for index in range(MODULES):
        assert alias_warnings[f"{top}.old{index}"] == 1
        assert alias_warnings[f"{top}.attrs:value{index}"] == THREADS
    assert uses == alias_warnings
    assert all(Path(w.filename) == Path(__file__) for w in caught)


def test_uninstall_while_a_submodule_of_an_old_path_loads(on_sys_path) -> None:
    """uninstall() while another thread is inside `import old.sub` waits for that import
    instead of pulling `old` out of sys.modules under importlib (no KeyError escapes)."""
    on_sys_path(
        {
            "racenew/__init__.py": "import threading\nENTERED = threading.Event()\n"
            "RELEASE = threading.Event()\n",
            "racenew/sub.py": "import racenew\nracenew.ENTERED.set()\nracenew.RELEASE.wait(30)\n",
        }
    )
    installation = install(
        load_text(HEADER + '[[alias]]\nold = "raceold"\nnew = "racenew"\n'), strict=False
    )
    with pytest.warns(DeprecatedAliasWarning):
        racenew = importlib.import_module("raceold")
    outcome: list[object] = []

    def load() -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", AliasWarning)
                outcome.append(importlib.import_module("raceold.sub"))
        except BaseException as error:
            outcome.append(error)

    loader = threading.Thread(target=load)
    loader.start()
    assert racenew.ENTERED.wait(30)
    remover = threading.Thread(target=installation.uninstall)
    remover.start()
    remover.join(1.0)  # without the import locks, uninstall() is done by now
    racenew.RELEASE.set()
    loader.join()
    remover.join()
    assert [type(item).__name__ for item in outcome] == ["module"]
    assert "raceold" not in sys.modules
    assert "raceold.sub" not in sys.modules

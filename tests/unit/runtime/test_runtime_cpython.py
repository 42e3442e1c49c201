"""The CPython internals the runtime relies on still exist and behave on this interpreter.

Each test names one piece of `ssot_registry.runtime.cpython`; a new Python that
changes it fails here, loudly, instead of misattributing warnings silently.
"""

from __future__ import annotations

import dis
import importlib
import importlib.util
import runpy
import sys
import threading
from collections.abc import Callable
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import CodeType, FrameType, ModuleType
from typing import Any

import pytest

from ssot_registry.runtime import cpython
from tests.helpers.runtime import NEEDS_THREADS


def test_getframe_is_the_interpreters_frame_accessor() -> None:
    """`getframe(0)` is the calling frame."""
    assert cpython.getframe(0).f_code is test_getframe_is_the_interpreters_frame_accessor.__code__


def _probing_module(name: str, seen: list[tuple[CodeType, bool]]) -> ModuleType:
    """A package module whose `__getattr__` records its caller's code and `is_import_from`."""
    module = ModuleType(name)
    module.__path__ = []  # type: ignore[attr-defined]

    def getattr_hook(attribute: str) -> object:
        if attribute != "x":
            raise AttributeError(attribute)
        frame = sys._getframe(1)
        seen.append((frame.f_code, cpython.is_import_from(frame)))
        return 1

    module.__getattr__ = getattr_hook  # type: ignore[method-assign]
    module.__all__ = ["x"]  # type: ignore[attr-defined]
    return module


def test_handle_fromlist_probes_before_import_from_reads(import_state: None) -> None:
    """`from package import x` asks `__getattr__` first from `_handle_fromlist` (the probe),
    then from the user's frame at IMPORT_FROM; `package.x` is not an import."""
    seen: list[tuple[CodeType, bool]] = []
    sys.modules["cpython_probe"] = _probing_module("cpython_probe", seen)
    namespace: dict[str, Any] = {}
    exec("from cpython_probe import x", namespace)
    assert cpython.HANDLE_FROMLIST is not None
    assert [code is cpython.HANDLE_FROMLIST for code, _ in seen] == [True, False]
    assert seen[1][1] is True
    seen.clear()
    exec("import cpython_probe\ncpython_probe.x", namespace)
    assert [flag for _, flag in seen] == [False]


def test_star_import_is_recognised_as_an_import_from(import_state: None) -> None:
    """`from module import *` reads `__all__` names at an opcode `is_import_from` knows."""
    seen: list[tuple[CodeType, bool]] = []
    sys.modules["cpython_star"] = _probing_module("cpython_star", seen)
    exec("from cpython_star import *", {})
    assert seen[-1][1] is True


def test_the_import_star_opcodes_are_where_expected() -> None:
    """IMPORT_FROM exists; star imports are IMPORT_STAR (<=3.11) or INTRINSIC_IMPORT_STAR (2)."""
    assert "IMPORT_FROM" in dis.opmap
    if sys.version_info >= (3, 12):
        assert "CALL_INTRINSIC_1" in dis.opmap
        assert dis._intrinsic_1_descs[2] == "INTRINSIC_IMPORT_STAR"  # type: ignore[attr-defined]
    else:
        assert "IMPORT_STAR" in dis.opmap


def test_importing_below_sees_the_modules_importlib_is_loading(on_sys_path) -> None:
    """A module body sees itself being imported (a `_find_and_load_unlocked` frame), not
    modules that are not."""
    on_sys_path(
        {
            "cpython_pkg/__init__.py": "",
            "cpython_pkg/leaf.py": "import sys\nfrom ssot_registry.runtime import cpython\n"
            "SEEN = [cpython.importing_below(prefix, sys._getframe(), None)\n"
            "        for prefix in ('cpython_pkg.', 'cpython_pkg.leaf', 'other.')]\n",
        }
    )
    leaf = importlib.import_module("cpython_pkg.leaf")
    assert cpython.FIND_AND_LOAD_UNLOCKED is not None
    assert leaf.SEEN == [True, True, False]


@NEEDS_THREADS
def test_module_locks_are_held_while_a_module_imports(on_sys_path) -> None:
    """importlib keeps a lock per module being imported in `_module_locks`, the lock
    `module_lock` takes; holding it makes another thread's import of that module wait."""
    on_sys_path(
        {
            "cpython_locked.py": "from importlib import _bootstrap\n"
            "HELD = 'cpython_locked' in _bootstrap._module_locks\n"
        }
    )
    done = threading.Event()
    with cpython.module_lock("cpython_locked"):
        thread = threading.Thread(
            target=lambda: (importlib.import_module("cpython_locked"), done.set())
        )
        thread.start()
        thread.join(0.5)
        waited = not done.is_set()
    thread.join()
    assert waited
    assert sys.modules["cpython_locked"].HELD is True


def test_namespace_loader_loads_a_namespace_package(on_sys_path) -> None:
    """The loader made for a namespace package's spec executes it as importlib would."""
    root = on_sys_path({"cpython_ns/part.py": ""})
    spec = importlib.util.find_spec("cpython_ns")
    assert spec is not None
    loader = cpython.namespace_loader(spec)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    assert list(module.__path__) == [str(root / "cpython_ns")]


class _RecordingLoader(Loader):
    def __init__(self) -> None:
        self.by_runpy: list[bool] = []

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run."""

    def get_code(self, fullname: str) -> CodeType:
        self.by_runpy.append(cpython.called_by_runpy(sys._getframe(1)))
        return compile("", "<probe>", "exec")


class _OneModuleFinder(MetaPathFinder):
    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def find_spec(self, fullname: str, path: object, target: object = None) -> ModuleSpec | None:
        return ModuleSpec(fullname, self.loader) if fullname == "cpython_run" else None


def test_runpy_asks_the_loader_for_code_from_its_own_frame(import_state: None) -> None:
    """`python -m name` (runpy) calls `loader.get_code` from a frame of module runpy."""
    loader = _RecordingLoader()
    sys.meta_path.insert(0, _OneModuleFinder(loader))
    runpy.run_module("cpython_run")
    assert loader.by_runpy == [True]


def test_frames_expose_what_attribution_reads() -> None:
    """Frames have `f_lasti`, `f_back`, `f_globals` and `f_code.co_filename` as used."""
    frame: FrameType = sys._getframe()
    assert frame.f_lasti >= 0
    assert frame.f_back is not None
    assert frame.f_globals["__name__"] == __name__
    assert frame.f_code.co_filename == __file__


def test_unpickling_recognises_the_pickle_machinery_and_unpicklers() -> None:
    """`unpickling` is true for pickle's own frames and an unpickler's methods, else false."""
    import io
    import pickle

    seen: list[bool] = []

    class Recording(pickle._Unpickler):  # type: ignore[name-defined,misc]
        def find_class(self, module: str, name: str) -> object:
            seen.append(cpython.unpickling(sys._getframe()))
            seen.append(cpython.unpickling(sys._getframe(1)))  # pickle.py's load_global
            return super().find_class(module, name)

    Recording(io.BytesIO(pickle.dumps(len, protocol=2))).load()
    assert seen == [True, True]
    assert cpython.unpickling(sys._getframe()) is False
    assert {"find_class", "_getattribute"} <= cpython.UNPICKLING_CALLERS
    assert callable(pickle._getattribute)  # type: ignore[attr-defined]


WriteTree = Callable[[dict[str, str]], Path]
LAZY_USER = """\
lazy import json
lazy from good import x


lazy from nowhere import y
lazy import os.path as osp
"""


def test_resolve_lazy_imports_leaves_a_module_without_them_alone(
    on_sys_path: WriteTree,
) -> None:
    """A module without lazy imports yields no failure, on every interpreter."""
    on_sys_path({"plain.py": "import json\nfrom os import path\nvalue = 1\n"})
    assert cpython.resolve_lazy_imports(importlib.import_module("plain")) == []


@pytest.mark.skipif(not cpython.LAZY_IMPORTS, reason="`lazy` imports need Python 3.15 (PEP 810)")
def test_resolve_lazy_imports_finds_the_broken_one_at_its_statement(
    on_sys_path: WriteTree,
) -> None:
    """On 3.15 the import of a module with a broken `lazy from` succeeds; resolving its lazy
    imports reports that one, located at its `lazy` statement, and the good ones work."""
    root = on_sys_path({"good.py": "x = 1\n", "user.py": LAZY_USER})
    user = importlib.import_module("user")
    failures = cpython.resolve_lazy_imports(user)
    found = [(f.name, type(f.error), f.file, f.line) for f in failures]
    assert found == [("y", ModuleNotFoundError, str(root / "user.py"), 5)]
    assert str(failures[0].error) == "No module named 'nowhere'"
    assert user.x == 1  # type: ignore[attr-defined]
    assert user.json is sys.modules["json"]  # type: ignore[attr-defined]
    assert user.osp is sys.modules["os.path"]  # type: ignore[attr-defined]
    again = cpython.resolve_lazy_imports(user)
    assert [(f.name, f.line) for f in again] == [("y", 5)]


@pytest.mark.skipif(not cpython.LAZY_IMPORTS, reason="`lazy` imports need Python 3.15 (PEP 810)")
def test_lazy_lines_agree_with_the_located_failures(on_sys_path: WriteTree) -> None:
    """The name and line of each `lazy` statement read from the source (the fallback when no
    frame of the error is in the module's file) agree with where the failures are located."""
    on_sys_path({"user2.py": LAZY_USER.replace("good", "nowhere_either")})
    user = importlib.import_module("user2")
    assert cpython._lazy_lines(user) == {"json": 1, "x": 2, "y": 5, "osp": 6}
    failures = cpython.resolve_lazy_imports(user)
    assert [(f.name, f.line) for f in failures] == [("x", 2), ("y", 5)]

"""Every reference the runtime makes to CPython internals, in one place.

Attribution (the user's line behind an import) and safe clean-up need a few
private importlib functions, bytecode opcodes and module-spec flags that any
new minor version may change. Nothing else in the runtime names them: each is
read here once, with a fallback that keeps the runtime working (less precisely)
when it is gone, and `tests/unit/runtime/test_runtime_cpython.py` checks on the
running interpreter that each still exists and behaves as relied on, so a new
Python fails loudly in CI instead of misattributing silently.
"""

from __future__ import annotations

import ast
import dis
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import _bootstrap, _bootstrap_external
from importlib.abc import Loader
from importlib.machinery import ModuleSpec, PathFinder
from types import CodeType, FrameType, ModuleType, TracebackType
from typing import Any

__all__ = [
    "FIND_AND_LOAD_UNLOCKED",
    "HANDLE_FROMLIST",
    "INDIRECT_CALLERS",
    "LAZY_IMPORTS",
    "UNPICKLING_CALLERS",
    "LazyImportFailure",
    "called_by_runpy",
    "getframe",
    "importing_below",
    "is_import_from",
    "module_lock",
    "namespace_loader",
    "resolve_lazy_imports",
    "unpickling",
]


def _code(function_name: str) -> CodeType | None:
    function = getattr(_bootstrap, function_name, None)
    code: CodeType | None = getattr(function, "__code__", None)
    return code


# `_handle_fromlist` probes `hasattr(module, name)` before `from module import name` reads
# it; `_find_and_load_unlocked(name, ...)` runs once per module being imported.
HANDLE_FROMLIST: CodeType | None = _code("_handle_fromlist")
FIND_AND_LOAD_UNLOCKED: CodeType | None = _code("_find_and_load_unlocked")

_IMPORT_FROM = dis.opmap.get("IMPORT_FROM", -1)
_IMPORT_STAR = dis.opmap.get("IMPORT_STAR", -1)  # up to Python 3.11
_CALL_INTRINSIC_1 = dis.opmap.get("CALL_INTRINSIC_1", -1)  # from Python 3.12 on
_INTRINSIC_IMPORT_STAR = 2

# PEP 810 (Python 3.15): `lazy from m import name` binds a placeholder; the first LOAD_GLOBAL
# or LOAD_NAME of it imports `m` and reads `name` from C (the IMPORT_FROM code), so the
# module's `__getattr__` runs with the first-use line's frame at that opcode
LAZY_IMPORTS = sys.version_info >= (3, 15)
_REIFYING = (
    frozenset(dis.opmap[name] for name in ("LOAD_GLOBAL", "LOAD_NAME") if name in dis.opmap)
    if LAZY_IMPORTS
    else frozenset()
)

# the functions that resolve a pickled global by name: `find_class` (the unpicklers' own and
# every override's, such as dill's) and `pickle._getattribute` (the pure-Python unpickler's
# walk down a dotted name); a module `__getattr__` called from one of them serves unpickling
UNPICKLING_CALLERS = frozenset({"find_class", "_getattribute"})
# the names of every function whose call to a module `__getattr__` is not the user's own access
# (unpickling, and `_handle_fromlist` probing): one set lookup keeps the hooks' common case fast
INDIRECT_CALLERS = UNPICKLING_CALLERS | (
    {HANDLE_FROMLIST.co_name} if HANDLE_FROMLIST is not None else frozenset()
)
_UNPICKLING_MODULES = frozenset({"pickle", "copyreg", "_compat_pickle"})

# the caller's frame, `depth` frames up (hooks ask for it on every use of an old name)
getframe: Callable[[int], FrameType] = sys._getframe


def is_import_from(frame: FrameType | None) -> bool:
    """True when the frame is executing `from module import name` or `from module import *`
    (IMPORT_FROM; IMPORT_STAR, or from Python 3.12 on CALL_INTRINSIC_1 INTRINSIC_IMPORT_STAR),
    or on Python 3.15 the first use of a `lazy from` name (a module attribute read at a
    LOAD_GLOBAL or LOAD_NAME can only be that)."""
    if frame is None or frame.f_lasti < 0:
        return False
    code, index = frame.f_code.co_code, frame.f_lasti
    if index >= len(code):
        return False
    opcode = code[index]
    if opcode in (_IMPORT_FROM, _IMPORT_STAR) or opcode in _REIFYING:
        return True
    return (
        opcode == _CALL_INTRINSIC_1
        and index + 1 < len(code)
        and code[index + 1] == _INTRINSIC_IMPORT_STAR
    )


def unpickling(frame: FrameType) -> bool:
    """True when `frame` is part of unpickling: code of `pickle` (its pure-Python `_Unpickler`),
    `copyreg` or `_compat_pickle`, or a method of an unpickler (an override of `find_class`
    or `load` such as dill's, on the C or the pure-Python unpickler)."""
    if frame.f_globals.get("__name__") in _UNPICKLING_MODULES:
        return True
    names = frame.f_code.co_varnames
    pickle = sys.modules.get("pickle")
    if pickle is None or not names or names[0] != "self":
        return False
    unpickler = frame.f_locals.get("self")
    return isinstance(unpickler, (pickle.Unpickler, pickle._Unpickler))


def called_by_runpy(frame: FrameType) -> bool:
    """True when `frame` is runpy's: `python -m name` is asking a loader for the code to run."""
    return frame.f_globals.get("__name__") == "runpy"


def importing_below(prefix: str, frame: FrameType | None, stop: FrameType | None) -> bool:
    """True when, in the frames from `frame` out to `stop` (exclusive), importlib is loading a
    module whose name starts with `prefix` (the `name` of a `_find_and_load_unlocked` frame)."""
    code = FIND_AND_LOAD_UNLOCKED
    while frame is not None and frame is not stop:
        if frame.f_code is code:
            name = frame.f_locals.get("name")
            if isinstance(name, str) and name.startswith(prefix):
                return True
        frame = frame.f_back
    return False


@contextmanager
def module_lock(name: str) -> Iterator[None]:
    """Hold importlib's per-module import locks of `name` and of every submodule of it being
    imported right now (deepest first, as an importing thread takes them): a thread still
    loading one of them finishes before the caller changes `sys.modules`. A no-op where the
    interpreter has no such locks."""
    get_lock: Callable[[str], Any] | None = getattr(_bootstrap, "_get_module_lock", None)
    if get_lock is None:
        yield
        return
    prefix = name + "."
    in_flight = [
        key for key in list(getattr(_bootstrap, "_module_locks", ())) if key.startswith(prefix)
    ]
    held = []
    try:
        for key in [*sorted(in_flight, key=lambda key: -key.count(".")), name]:
            lock = get_lock(key)
            try:
                lock.acquire()
            except RuntimeError:  # importlib's deadlock detection: that thread owns it
                continue
            held.append(lock)
        yield
    finally:
        for lock in reversed(held):
            lock.release()


def namespace_loader(spec: ModuleSpec) -> Loader:
    """The loader of a namespace package's spec (Python 3.10 leaves `spec.loader` None)."""
    locations: Any = spec.submodule_search_locations or []
    loader: Loader = _bootstrap_external._NamespaceLoader(  # type: ignore[assignment]
        spec.name,
        locations,
        PathFinder._get_spec,  # type: ignore[attr-defined]
    )
    return loader


@dataclass(frozen=True, slots=True)
class LazyImportFailure:
    """A lazy import bound in a module that fails when used: the bound name, the exception,
    and the `lazy` statement that bound it (`line` None when its source is not readable)."""

    name: str
    error: Exception
    file: str | None
    line: int | None


def resolve_lazy_imports(module: ModuleType) -> list[LazyImportFailure]:
    """Reify every PEP 810 lazy import still bound in `module`'s namespace, as a first use
    would (reading the module attribute), and return those that fail, in namespace order.
    Reading the namespace dictionary itself yields the placeholder and reifies nothing
    (only LOAD_GLOBAL/LOAD_NAME and module attribute reads do). Before Python 3.15 this
    returns [] without reading anything."""
    lazy_type: type | None = getattr(types, "LazyImportType", None)
    if lazy_type is None:
        return []
    pending = [name for name, value in vars(module).items() if type(value) is lazy_type]
    file = getattr(module, "__file__", None)
    failures = []
    lines: dict[str, int] | None = None
    for name in pending:
        error = _reify(module, name)
        if error is not None:
            line = _raised_at(error, file)
            if line is None:
                lines = _lazy_lines(module) if lines is None else lines
                line = lines.get(name)
            failures.append(LazyImportFailure(name, error, file, line))
    return failures


def _reify(module: ModuleType, name: str) -> Exception | None:
    """What the first use of lazy import `name` raises, if anything."""
    try:
        getattr(module, name)
    except Exception as error:
        return error
    return None


def _raised_at(error: BaseException, file: str | None) -> int | None:
    """The line of `file` in the tracebacks of `error` and its causes: CPython 3.15 raises
    the reification error from an ImportError located at the `lazy` statement."""
    found = None
    seen: BaseException | None = error
    while seen is not None and file is not None:
        traceback: TracebackType | None = seen.__traceback__
        while traceback is not None:
            if traceback.tb_frame.f_code.co_filename == file:
                found = traceback.tb_lineno
            traceback = traceback.tb_next
        if found is not None:
            return found
        seen = seen.__cause__
    return None


def _lazy_lines(module: ModuleType) -> dict[str, int]:
    """The name each `lazy` statement of `module`'s source binds, and its line (the last
    statement wins, as at run time); {} when the source is not readable."""
    loader = getattr(module, "__loader__", None)
    try:
        source = loader.get_source(module.__name__)  # type: ignore[union-attr]
        tree = ast.parse(source or "")
    except Exception:
        return {}
    lines = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and getattr(node, "is_lazy", False):
            for alias in node.names:
                bound = alias.asname or alias.name.partition(".")[0]
                lines[bound] = node.lineno
    return lines

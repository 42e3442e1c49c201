"""Unpickling an old path warns at the user's `loads` line, whichever unpickler resolves it."""

from __future__ import annotations

import copyreg
import importlib
import io
import pickle
import sys
from collections.abc import Callable, Iterator

import pytest

if sys.platform == "emscripten":  # the Pyodide lane installs only what the runtime needs
    dill = pytest.importorskip("dill", reason="dill is not installed in the Pyodide lane")
else:
    import dill  # type: ignore[import-untyped]
from ssot_registry.exceptions import DeprecatedAliasWarning
from tests.helpers.runtime import Install

REGISTRY = """
[[alias]]
old = "app.mod:func"
new = "app.core:func"

[[alias]]
old = "app.redis"
new = "app.services.redis"

[[alias]]
old = "app.gone:Thing"
new = "app.core:Thing"
"""


def _pure_python_loads(data: bytes) -> object:
    return pickle._Unpickler(io.BytesIO(data)).load()  # type: ignore[attr-defined]


# the C unpickler, the pure-Python one, and dill's `find_class` override on the C one
LOADERS: dict[str, Callable[[bytes], object]] = {
    "C pickle.loads": pickle.loads,
    "pickle._loads": pickle._loads,  # type: ignore[attr-defined]
    "dill.loads": dill.loads,
}


def _global(module: str, name: str, protocol: int) -> bytes:
    """A pickle of the global `module.name`: GLOBAL (protocol 2) or STACK_GLOBAL (protocol 4)."""
    if protocol < 4:
        return b"\x80\x02c" + f"{module}\n{name}\n".encode() + b"."
    encoded = [part.encode() for part in (module, name)]
    return (
        b"\x80\x04" + b"".join(b"\x8c" + bytes([len(part)]) + part for part in encoded) + b"\x93."
    )


@pytest.fixture(params=sorted(LOADERS))
def loads(request: pytest.FixtureRequest) -> Callable[[bytes], object]:
    """Each unpickler in turn."""
    return LOADERS[request.param]


@pytest.mark.parametrize("protocol", [2, 4])
@pytest.mark.parametrize(
    ("module", "name", "canonical"),
    [
        ("app.mod", "func", ("app.core", "func")),
        ("app.redis", "client", ("app.services.redis", "client")),
        ("app.gone", "Thing", ("app.core", "Thing")),
    ],
    ids=["attribute alias", "module alias", "shim module"],
)
def test_unpickling_an_old_path_warns_at_the_loads_line(
    installed: Install,
    loads: Callable[[bytes], object],
    protocol: int,
    module: str,
    name: str,
    canonical: tuple[str, str],
) -> None:
    """The warning names the test's line calling `loads`, not pickle's, dill's or importlib's."""
    installed(REGISTRY)
    data = _global(module, name, protocol)
    with pytest.warns(DeprecatedAliasWarning) as records:
        line, value = sys._getframe().f_lineno, loads(data)
    assert value is getattr(importlib.import_module(canonical[0]), canonical[1])
    assert [(record.filename, record.lineno) for record in records] == [(__file__, line)]


@pytest.fixture
def extension_code() -> Iterator[int]:
    """`app.mod.func` registered as a copyreg extension code (removed after)."""
    code = 0xF0F0
    copyreg.add_extension("app.mod", "func", code)
    yield code
    copyreg.remove_extension("app.mod", "func", code)


def test_copyreg_extension_code_warns_at_the_loads_line(
    installed: Install, loads: Callable[[bytes], object], extension_code: int
) -> None:
    """A global pickled as a copyreg extension code (EXT2) is blamed on the `loads` line too."""
    installed(REGISTRY)
    data = b"\x80\x02\x83" + extension_code.to_bytes(2, "little") + b"."
    with pytest.warns(DeprecatedAliasWarning) as records:
        line, value = sys._getframe().f_lineno, loads(data)
    assert value is importlib.import_module("app.core").func  # type: ignore[attr-defined]
    assert [(record.filename, record.lineno) for record in records] == [(__file__, line)]


def test_a_users_own_find_class_is_not_skipped(installed: Install) -> None:
    """A function of the user's named `find_class` that is no unpickler's is the user's line."""
    installed(REGISTRY)
    import app.mod

    def find_class() -> object:
        return app.mod.func  # the line blamed

    with pytest.warns(DeprecatedAliasWarning) as records:
        find_class()
    assert records[0].lineno == find_class.__code__.co_firstlineno + 1


def test_pure_python_unpickler_subclass_is_skipped(installed: Install) -> None:
    """A `find_class` override on the pure-Python unpickler is skipped like dill's."""
    installed(REGISTRY)

    class Renaming(pickle._Unpickler):  # type: ignore[name-defined,misc]
        def find_class(self, module: str, name: str) -> object:
            return super().find_class(module, name)

    data = _global("app.mod", "func", 4)
    with pytest.warns(DeprecatedAliasWarning) as records:
        line, _ = sys._getframe().f_lineno, Renaming(io.BytesIO(data)).load()
    assert [(record.filename, record.lineno) for record in records] == [(__file__, line)]


def test_unpickling_after_direct_uses_in_the_same_function_blames_the_loads_line(
    installed: Install, loads: Callable[[bytes], object]
) -> None:
    """The hook's memory of a direct caller never lets unpickling's own frames be blamed."""
    installed(REGISTRY)
    import app.mod

    data = _global("app.mod", "func", 4)

    def use() -> object:
        return app.mod.func  # the line blamed for each direct use

    with pytest.warns(DeprecatedAliasWarning) as records:
        line, _ = sys._getframe().f_lineno, (use(), use(), loads(data))
    direct = use.__code__.co_firstlineno + 1
    assert [(record.filename, record.lineno) for record in records] == [
        (__file__, direct),
        (__file__, direct),
        (__file__, line),
    ]

"""Property: for any registry of module and attribute moves, every old path is its new object."""

from __future__ import annotations

import importlib
import itertools
import shutil
import sys
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssot_registry.registry import ImportPath, load_text
from ssot_registry.runtime import install
from tests.helpers.runtime import HEADER

_COUNTER = itertools.count()
OLD_ATTRIBUTE_MODULES = ["old0", "old1", "legacy.old2", "legacy.deep.old3", "canon.c0", "canon"]
OLD_MODULES = ["moved0", "moved1", "legacy.moved2", "attic.deep.moved3"]


@dataclass(frozen=True)
class World:
    """Canonical modules with their attributes, and the moves that lead to them."""

    attributes: tuple[int, ...]  # attributes per canonical module canon.c<i>
    attribute_moves: tuple[tuple[str, int, int], ...]  # (old module, canon index, attribute)
    module_moves: tuple[tuple[str, int | None], ...]  # (old module, canon index or None = package)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A random application and a random set of moves over it."""
    attributes = tuple(draw(st.lists(st.integers(1, 3), min_size=1, max_size=3)))
    target = st.integers(0, len(attributes) - 1).flatmap(
        lambda i: st.tuples(st.just(i), st.integers(0, attributes[i] - 1))
    )
    attribute_moves = draw(
        st.lists(
            st.tuples(st.sampled_from(OLD_ATTRIBUTE_MODULES), target).map(lambda t: (t[0], *t[1])),
            max_size=6,
        )
    )
    module_moves = draw(
        st.lists(
            st.tuples(
                st.sampled_from(OLD_MODULES),
                st.none() | st.integers(0, len(attributes) - 1),
            ),
            max_size=3,
            unique_by=lambda move: move[0],
        )
    )
    return World(attributes, tuple(attribute_moves), tuple(module_moves))


def _files(top: str, world: World) -> dict[str, str]:
    files = {f"{top}/__init__.py": "", f"{top}/canon/__init__.py": "VALUE = object()\n"}
    for index, count in enumerate(world.attributes):
        body = "".join(f"def a{n}():\n    return {n}\n\n" for n in range(count))
        files[f"{top}/canon/c{index}.py"] = body + "class Marker:\n    pass\n"
    return files


def _registry(top: str, world: World) -> tuple[str, list[tuple[str, str]]]:
    entries, pairs = [], []
    for number, (module, canon, attribute) in enumerate(world.attribute_moves):
        old, new = f"{top}.{module}:moved{number}", f"{top}.canon.c{canon}:a{attribute}"
        entries.append(f'[[alias]]\nold = "{old}"\nnew = "{new}"\n')
        pairs.append((old, new))
    for module, canon in world.module_moves:
        old = f"{top}.{module}"
        new = f"{top}.canon" if canon is None else f"{top}.canon.c{canon}"
        entries.append(f'[[alias]]\nold = "{old}"\nnew = "{new}"\n')
        pairs.append((old, new))
        if canon is None:
            pairs.append((f"{old}.c0", f"{top}.canon.c0"))
            pairs.append((f"{old}:VALUE", f"{top}.canon:VALUE"))
    return HEADER + "\n".join(entries), pairs


def _resolve(text: str) -> object:
    path = ImportPath.parse(text)
    value: object = importlib.import_module(path.module)
    return getattr(value, path.qualname) if path.qualname else value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds())
def test_every_old_path_is_the_identical_object(world: World) -> None:
    """Whatever moved where, old paths resolve to the very objects of their new paths."""
    top = f"prop{next(_COUNTER)}"
    root = Path(tempfile.mkdtemp())
    for relative, source in _files(top, world).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(source, encoding="utf-8")
    text, pairs = _registry(top, world)
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        with install(load_text(text), strict=False), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for old, new in pairs:
                assert _resolve(old) is _resolve(new), (old, new)
    finally:
        sys.path.remove(str(root))
        for name in [name for name in sys.modules if name == top or name.startswith(top + ".")]:
            del sys.modules[name]
        shutil.rmtree(root)

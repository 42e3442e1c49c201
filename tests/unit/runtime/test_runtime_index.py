"""`ShimIndex`: the module names one registry answers for, and the old names of each module."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ssot_registry.registry import load_text
from ssot_registry.runtime.index import FACADE, KEY, PARENT, ShimIndex, index_names
from tests.helpers.runtime import HEADER

_SEGMENT = st.sampled_from(["a", "b", "c", "pkg", "old"])
_MODULE = st.lists(_SEGMENT, min_size=1, max_size=4).map(".".join)


def _expected(modules: list[str], facade: str | None) -> dict[str, int]:
    """The flags by their definition: each old module, each package above one, the facade."""
    flags: dict[str, int] = {}
    named = [(module, KEY) for module in modules] + ([(facade, FACADE)] if facade else [])
    for name, flag in named:
        flags[name] = flags.get(name, 0) | flag
        parts = name.split(".")
        for end in range(1, len(parts)):
            parent = ".".join(parts[:end])
            flags[parent] = flags.get(parent, 0) | PARENT
    return flags


@given(st.lists(_MODULE, max_size=12), st.none() | _MODULE)
def test_index_names_flags_old_modules_their_packages_and_the_facade(
    modules: list[str], facade: str | None
) -> None:
    """Every old module is KEY, every package above an old module or the facade is PARENT."""
    assert index_names(modules, facade) == _expected(modules, facade)


def test_the_index_of_a_registry_names_its_modules_and_serves_their_tables() -> None:
    """The names come from the old modules' column; a module's table holds its attribute aliases."""
    registry = load_text(
        HEADER + '[[alias]]\nold = "a.b.old:x"\nnew = "a.new:x"\n'
        '[[alias]]\nold = "a.b.old:y"\nnew = "a.new:y"\n[[alias]]\nold = "c"\nnew = "d"\n'
    )
    index = ShimIndex(registry, strict=False)
    assert index.names == {"a.b.old": KEY, "a.b": PARENT, "a": PARENT, "c": KEY}
    assert index.tops == {"a", "c"}
    assert sorted(index.table("a.b.old")) == ["x", "y"]
    assert index.table("c") == {}

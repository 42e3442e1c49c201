"""Property and isolation tests of loading: it never crashes and never imports anything."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssot_registry import RegistryError
from ssot_registry.registry import load, load_text

NAMES = st.sampled_from(["pkg", "app", "core", "old", "new", "class", "x1", "_p", "é"])
SEPARATORS = st.sampled_from([".", ":", "..", " ", "", "/", "("])
PATH_TEXT = st.lists(st.tuples(NAMES, SEPARATORS), min_size=1, max_size=4).map(
    lambda parts: "".join(name + sep for name, sep in parts)
)
VALUES = st.one_of(
    PATH_TEXT.map(lambda text: '"' + text + '"'),
    st.sampled_from(['"1.0"', '"2.0"', "1.5", "true", "[]", "{}", '"wrap"', '"future"', '"']),
)
KEYS = st.sampled_from(
    ["old", "new", "since", "remove_in", "removed_in", "mode", "category", "reason", "path", "x"]
)
LINES = st.one_of(
    st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"),
    st.sampled_from(
        ["[[alias]]", "[[external]]", "[symbols]", "[requires]", "[registry]", "[", "# c", ""]
    ),
    st.text(max_size=20),
)
REGISTRY_TEXT = st.lists(LINES, max_size=25).map(
    lambda lines: '[registry]\nschema = 1\nname = "gen"\n' + "\n".join(lines) + "\n"
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REGISTRY_TEXT)
def test_loading_either_succeeds_or_raises_a_located_registry_error(text: str) -> None:
    """For any generated text, loading returns a Registry or raises RegistryError with a line."""
    try:
        registry = load_text(text)
    except RegistryError as error:
        problems = error.errors
    else:
        assert registry.name == "gen"
        return
    assert problems
    for problem in problems:
        assert problem.line is not None
        assert 1 <= problem.line <= text.count("\n") + 1
        assert problem.code in {"SSOT001", "SSOT002", "SSOT003", "SSOT004", "SSOT005"}


def test_loading_imports_nothing(tmp_path: Path, import_state: None) -> None:
    """Loading a registry naming a sentinel module never imports it, even with the cache warm."""
    marker = tmp_path / "imported.txt"
    (tmp_path / "sentinel_pkg").mkdir()
    (tmp_path / "sentinel_pkg" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'w').write('imported')\nthing = 1\n", encoding="utf-8"
    )
    sys.path.insert(0, str(tmp_path))
    registry_file = tmp_path / "registry.toml"
    registry_file.write_text(
        textwrap.dedent(
            """
            [registry]
            schema = 1
            name = "sentinel"
            expose = "sentinel_pkg.facade"

            [symbols]
            thing = { path = "sentinel_pkg:thing", kind = "object" }

            [[alias]]
            old = "sentinel_pkg.old:thing"
            new = "sentinel_pkg:thing"

            [[alias]]
            old = "sentinel_pkg.legacy"
            new = "sentinel_pkg"
            """
        ),
        encoding="utf-8",
    )
    before = set(sys.modules)
    for _ in range(2):
        registry = load(registry_file)
        assert [str(alias.old) for alias in registry.aliases] == [
            "sentinel_pkg.old:thing",
            "sentinel_pkg.legacy",
        ]
        assert registry.resolve("sentinel_pkg.legacy.sub:f").dotted == "sentinel_pkg.sub.f"
    assert not marker.exists()
    assert not any(name.startswith("sentinel_pkg") for name in set(sys.modules) - before)


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("pkg.old:f", "pkg.new:f"),
        ("pkg.moved", "pkg.home"),
        ("pkg.moved.sub", "pkg.home.sub"),
        ("pkg.moved.sub.deep:Thing.method", "pkg.home.sub.deep:Thing.method"),
        ("pkg.unrelated:f", "pkg.unrelated:f"),
        ("pkg.movedness", "pkg.movedness"),
    ],
)
def test_resolve_follows_exact_and_module_aliases(path: str, canonical: str) -> None:
    """`resolve` maps an old path (or a submodule of a moved module) to its canonical path."""
    registry = load_text(
        textwrap.dedent(
            """
            [registry]
            schema = 1
            name = "r"

            [[alias]]
            old = "pkg.old:f"
            new = "pkg.new:f"

            [[alias]]
            old = "pkg.moved"
            new = "pkg.home"
            """
        )
    )
    assert str(registry.resolve(path)) == canonical

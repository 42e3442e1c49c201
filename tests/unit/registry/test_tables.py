"""The compact tables and the rules the registry owns: one layout, one covering rule, one import."""

from __future__ import annotations

import ast
import pickle
import sys
from pathlib import Path

import pytest

import ssot_registry
from ssot_registry.registry import ImportPath, load_text, load_text_unchecked
from ssot_registry.registry.paths import covering_module, import_object
from ssot_registry.registry.tables import AliasRow, from_plain, to_plain

TEXT = """[registry]
schema = 1
name = "tables"

[requires]
packaging = ">=20"

[symbols]
Thing = "pkg.core:Thing"

[[alias]]
old = "pkg.old:f"
new = "pkg.core:f"
since = "1.0"
reason = "moved"

[[alias]]
old = "pkg.legacy"
new = "pkg.modern"
category = "future"

[[external]]
old = "other.old:g"
new = "other.new:g"
"""

PACKAGE = Path(ssot_registry.__file__).parent


def test_tables_survive_the_plain_form_the_cache_stores() -> None:
    """`to_plain` gives plain tuples (marshal-able) and `from_plain` gives equal typed tables."""
    tables = load_text(TEXT).tables
    plain = to_plain(tables)
    assert type(plain) is tuple
    assert all(type(table) is tuple for table in plain)
    assert from_plain(plain) == tables
    assert from_plain(plain).alias.old_module == ("pkg.old", "pkg.legacy")


@pytest.mark.parametrize(
    "data",
    [
        {},
        (),
        ("meta",) * 5,
        (("x",) * 7, ((),) * 4, ((),) * 6, ((),) * 11, ((),) * 5),
        (("x",) * 7, ((),) * 4, ((),) * 6, (("a",),) + ((),) * 10, ((),) * 6),
        (("x",) * 7, ((),) * 4, ((),) * 6, [()] * 11, ((),) * 6),
    ],
    ids=["dict", "empty", "strings", "short-external", "uneven-columns", "list-table"],
)
def test_data_of_another_shape_is_refused(data: object) -> None:
    """Anything but the tables' exact shape raises ValueError (the cache then loads afresh)."""
    with pytest.raises(ValueError, match=r"expected|wrong shape|columns"):
        from_plain(data)


def test_alias_rows_and_models_come_from_one_index() -> None:
    """`alias_row(i)` names the fields of alias i and `alias_at(i)` is its model."""
    registry = load_text(TEXT)
    row = registry.alias_row(1)
    assert row == AliasRow(
        1, "pkg.legacy", None, "pkg.modern", None, None, None, None, None, "reexport", "future", 17
    )
    assert registry.alias_at(1) is registry.aliases[1]
    assert registry.alias_at(1).old == ImportPath("pkg.legacy")
    assert registry.alias_count == 2


def test_the_registry_groups_aliases_for_the_runtime() -> None:
    """Aliases by old module, module aliases by old, and the covering module alias."""
    registry = load_text(TEXT)
    assert dict(registry.aliases_by_old_module()) == {"pkg.old": [0], "pkg.legacy": [1]}
    assert dict(registry.module_aliases()) == {"pkg.legacy": 1}
    assert registry.covering_module_alias("pkg.legacy.deep.er") == (1, ".deep.er")
    assert registry.covering_module_alias("pkg.legacy") == (1, "")
    assert registry.covering_module_alias("pkg.legacyx") is None


def test_the_first_module_alias_of_an_old_module_wins() -> None:
    """With two module aliases of one old module (an SSOT002 finding), the first one counts."""
    body = '[[alias]]\nold = "a.x:f"\nnew = "b:f"\n'
    body += '[[alias]]\nold = "a.x"\nnew = "b.first"\n[[alias]]\nold = "a.x"\nnew = "b.second"\n'
    registry = load_text_unchecked('[registry]\nschema = 1\nname = "t"\n' + body)
    assert dict(registry.module_aliases()) == {"a.x": 1}
    assert dict(registry.aliases_by_old_module()) == {"a.x": [0, 1, 2]}


def test_find_alias_applies_the_covering_rule_to_attributes_too() -> None:
    """`pkg.legacy.sub:f` leads to `pkg.modern.sub:f`; an exact old path wins."""
    registry = load_text(TEXT)
    found = registry.find_alias("pkg.legacy.sub:f")
    assert found is not None
    assert found[0] is registry.aliases[1]
    assert found[1] == ImportPath("pkg.modern.sub", "f")
    assert registry.resolve("pkg.old:f") == ImportPath("pkg.core", "f")
    assert registry.resolve("pkg.other:f") == ImportPath("pkg.other", "f")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a", ("A", "")),
        ("a.b", ("AB", "")),
        ("a.b.c.d", ("AB", ".c.d")),
        ("a.x", ("A", ".x")),
        ("ab", None),
        ("b.a", None),
    ],
)
def test_the_longest_covering_module_wins(name: str, expected: tuple[str, str] | None) -> None:
    """The rule "a module alias covers old.sub": the module itself, else its nearest parent."""
    assert covering_module(name, {"a": "A", "a.b": "AB"}) == expected


def test_import_object_imports_then_walks_the_qualname() -> None:
    """A module path gives the module; a qualname is followed attribute by attribute."""
    assert ImportPath("collections").import_object() is sys.modules["collections"]
    assert ImportPath("collections", "OrderedDict.fromkeys").import_object() == (
        __import__("collections").OrderedDict.fromkeys
    )
    assert import_object("email.mime.text", ("MIMEText",)).__name__ == "MIMEText"
    assert (
        ImportPath("os", "path.join").attribute_of(sys.modules["os"]) is sys.modules["os"].path.join
    )
    with pytest.raises(AttributeError, match="nothing_here"):
        ImportPath("os", "path.nothing_here").import_object()
    with pytest.raises(ModuleNotFoundError):
        ImportPath("ssot_no_such_module_anywhere").import_object()


def test_a_registry_pickles_as_its_tables() -> None:
    """A pickled registry (sent to check workers) comes back equal, with its source."""
    registry = load_text(TEXT, Path("reg.toml"))
    registry.aliases  # noqa: B018 - built models are not part of the pickle
    copy = pickle.loads(pickle.dumps(registry))
    assert copy == registry
    assert copy.source == Path("reg.toml")
    assert copy.alias_at(0).reason == "moved"


def test_nothing_outside_the_registry_package_reads_its_tables() -> None:
    """Only ssot_registry/registry/ touches `.tables` or `.rows` of a registry."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "registry") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [
            f"{path.relative_to(PACKAGE)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in ("tables", "rows")
        ]
    assert offenders == []


def test_combined_registries_keep_every_entry_in_order() -> None:
    """`combine` joins the tables of several registries under the first one's settings."""
    from ssot_registry.registry.combined import combine

    other = load_text(
        '[registry]\nschema = 1\nname = "other"\n\n[[alias]]\nold = "lib.old"\nnew = "lib.new"\n'
    )
    registry = load_text(TEXT)
    combined = combine([registry, other])
    assert combined.name == "tables + other"
    assert [str(alias.old) for alias in combined.aliases] == ["pkg.old:f", "pkg.legacy", "lib.old"]
    assert combined.aliases[2].line == 5
    assert combined.resolve("lib.old.sub:x") == ImportPath("lib.new.sub", "x")
    assert list(combined.requires) == ["packaging"]
    assert combine([registry]) is registry

"""Merging adopted entries with the registry: present entries skipped, contradictions reported,
chains collapsed, and the TOML appended in the registry's style loads as a valid registry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.adopt import adopt
from ssot_registry.registry import load_text
from ssot_registry.render.adopt_toml import render_entries

WriteTree = Callable[[dict[str, str]], Path]

HEADER = '[registry]\nschema = 1\nname = "demo"\n'

SHIMS = {
    "pkg/__init__.py": "",
    "pkg/a.py": """\
        import warnings
        from pkg.b import *  # noqa: F403
        warnings.warn("pkg.a moved to pkg.b", DeprecationWarning)
    """,
    "pkg/c.py": """\
        import warnings
        from pkg.d import Thing
        warnings.warn("pkg.c is deprecated since 1.0", DeprecationWarning)
    """,
}


def test_entries_already_in_the_registry_are_skipped(write_tree: WriteTree) -> None:
    """An entry the registry already has (same old, same new) is reported present, not added."""
    registry = load_text(HEADER + '[[alias]]\nold = "pkg.a"\nnew = "pkg.b"\n')
    report = adopt([write_tree(SHIMS)], registry)
    assert [str(p.old) for p in report.present] == ["pkg.a"]
    assert [str(p.old) for p in report.added] == ["pkg.c:Thing"]


def test_contradiction_with_the_registry_is_reported(write_tree: WriteTree) -> None:
    """A shim whose old path the registry leads elsewhere is a contradiction, never added."""
    registry = load_text(HEADER + '[[alias]]\nold = "pkg.a"\nnew = "pkg.elsewhere"\n')
    report = adopt([write_tree(SHIMS)], registry)
    [contradiction] = report.contradictions
    assert (str(contradiction.old), str(contradiction.new)) == ("pkg.a", "pkg.b")
    assert contradiction.existing == "the registry has an alias pkg.a -> pkg.elsewhere (line 4)"
    assert not report.ok


def test_chains_between_shims_lead_to_the_canonical_path(write_tree: WriteTree) -> None:
    """A shim that points at another shim's old path is adopted pointing at the final target."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/oldest.py": "from pkg.older import *  # noqa: F403\n",
            "pkg/older.py": "from pkg.new import *  # noqa: F403\n",
        }
    )
    assert sorted((str(p.old), str(p.new)) for p in adopt([root]).added) == [
        ("pkg.older", "pkg.new"),
        ("pkg.oldest", "pkg.new"),
    ]


def test_rendered_entries_load_as_a_registry(
    write_tree: WriteTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The TOML is `[[alias]]` tables with an `# adopted from path:line` comment each, and the
    registry with them appended loads without a problem."""
    root = write_tree(SHIMS)
    monkeypatch.chdir(root)
    text = render_entries(adopt(["pkg"]).added)
    assert text == (
        "# adopted from pkg/a.py:1\n"
        "[[alias]]\n"
        'old = "pkg.a"\n'
        'new = "pkg.b"\n'
        'reason = "pkg.a moved to pkg.b"\n'
        "\n"
        "# adopted from pkg/c.py:2\n"
        "[[alias]]\n"
        'old = "pkg.c:Thing"\n'
        'new = "pkg.d:Thing"\n'
        'since = "1.0"\n'
        'reason = "pkg.c is deprecated since 1.0"\n'
    )
    registry = load_text(HEADER + "\n" + text)
    assert [str(a.old) for a in registry.aliases] == ["pkg.a", "pkg.c:Thing"]

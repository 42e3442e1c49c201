"""One test per registry code SSOT001-005: the exact message and the line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ssot_registry import RegistryError
from ssot_registry.registry import load


def load_error(tmp_path: Path, text: str) -> RegistryError:
    """Write `text` as registry.toml, load it, and return the RegistryError it raises."""
    path = tmp_path / "registry.toml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load(path)
    return caught.value


HEADER = """
[registry]
schema = 1
name = "app"
"""


def test_ssot001_bad_path_is_located_with_how_to_fix(tmp_path: Path) -> None:
    """A malformed import path is SSOT001 at the key's line, saying what a path looks like."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.old:thing"
        new = "pkg..new:thing"
        """,
    )
    assert (error.code, error.line) == ("SSOT001", 7)
    assert str(error) == (
        f"{tmp_path / 'registry.toml'}:7: SSOT001 alias[0].new: 'pkg..new:thing' is not an "
        "import path: the module part 'pkg..new' has an empty part "
        "(e.g. 'pkg.module' or 'pkg.module:Name')"
    )


def test_ssot002_duplicate_old_path(tmp_path: Path) -> None:
    """The same `old` twice is SSOT002 at the second entry, naming the first."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.old:thing"
        new = "pkg.new:thing"

        [[alias]]
        old = "pkg.old:thing"
        new = "pkg.other:thing"
        """,
    )
    assert (error.code, error.line) == ("SSOT002", 9)
    assert error.errors[0].message == (
        "'pkg.old:thing' is already the old path of alias[0] (line 5); keep one entry"
    )


def test_ssot002_old_path_that_is_also_canonical(tmp_path: Path) -> None:
    """An `old` that is also a symbol's canonical path is SSOT002."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [symbols]
        thing = "pkg.core:thing"

        [[alias]]
        old = "pkg.core:thing"
        new = "pkg.new:thing"
        """,
    )
    assert (error.code, error.line) == ("SSOT002", 8)
    assert error.errors[0].message == (
        "'pkg.core:thing' is also the canonical path of symbol 'thing' (line 6); "
        "a path is either canonical or deprecated, not both"
    )


def test_ssot003_alias_chain(tmp_path: Path) -> None:
    """A `new` that is another alias's `old` is SSOT003, suggesting the final target."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.a:f"
        new = "pkg.b:f"

        [[alias]]
        old = "pkg.b:f"
        new = "pkg.c:f"
        """,
    )
    assert (error.code, error.line) == ("SSOT003", 5)
    assert error.errors[0].key == "alias[0].new"
    assert error.errors[0].message == (
        "'pkg.b:f' is itself deprecated (alias of 'pkg.c:f', line 9); set new = 'pkg.c:f'"
    )


def test_ssot003_chain_through_a_module_alias(tmp_path: Path) -> None:
    """A `new` inside a moved module (covered by a module alias) is a chain too."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.a:f"
        new = "pkg.moved.sub:f"

        [[alias]]
        old = "pkg.moved"
        new = "pkg.home"
        """,
    )
    assert error.code == "SSOT003"
    assert error.errors[0].message.endswith("set new = 'pkg.home.sub:f'")


def test_ssot004_cycle(tmp_path: Path) -> None:
    """Aliases pointing at each other are one SSOT004 finding showing the loop."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.a"
        new = "pkg.b"

        [[alias]]
        old = "pkg.b"
        new = "pkg.a"
        """,
    )
    assert [(problem.code, problem.line) for problem in error.errors] == [("SSOT004", 5)]
    assert error.errors[0].message == (
        "aliases form a cycle: pkg.a -> pkg.b -> pkg.a; "
        "point one of them at the real canonical path"
    )


def test_ssot005_remove_in_not_after_since(tmp_path: Path) -> None:
    """`remove_in` that is not later than `since` is SSOT005 at the alias."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [[alias]]
        old = "pkg.a:f"
        new = "pkg.b:f"
        since = "2.0"
        remove_in = "2.0.0"
        """,
    )
    assert (error.code, error.line) == ("SSOT005", 5)
    assert error.errors[0].key == "alias[0].remove_in"
    assert error.errors[0].message == (
        "remove_in = '2.0.0' is not later than since = '2.0'; set remove_in to a version after 2.0"
    )


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    """Several schema problems in one file all appear in one error, each with its line."""
    error = load_error(
        tmp_path,
        HEADER
        + """
        [symbols]
        a = "pkg:a"
        b = { path = "pkg:b", kind = "klass" }

        [[alias]]
        old = "pkg.x:f"
        nwe = "pkg.y:f"
        """,
    )
    assert [(problem.key, problem.line) for problem in error.errors] == [
        ("symbols.b.kind", 7),
        ("alias[0].new", 9),
        ("alias[0].nwe", 11),
    ]
    assert [problem.message for problem in error.errors] == [
        "'klass' is not allowed; use one of 'any', 'module', 'class', 'function', "
        "'callable' or 'object'",
        "required key is missing; add `new = ...`",
        "unknown key; remove it or use one of: category, mode, new, old, reason, "
        "remove_in, removed_in, since",
    ]

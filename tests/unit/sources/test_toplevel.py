"""The one static reading of a module's top level that triage, diff and adopt share."""

from __future__ import annotations

import ast
import textwrap

from ssot_registry.diff.api import build_api
from ssot_registry.sources.toplevel import TopLevel, resolve_relative, statements


def _read(source: str, package: str = "pkg", *, typing: bool = True) -> TopLevel:
    top = TopLevel()
    top.read(ast.parse(textwrap.dedent(source)).body, package, typing=typing)
    return top


def _kinds(top: TopLevel) -> dict[str, tuple[str, int]]:
    return {name: (b.kind, b.line) for name, b in top.bindings.items()}


def test_blocks_that_run_on_import_are_read_and_function_bodies_are_not() -> None:
    """Names bound under `with`, `for`, `while` and `try`/`finally` count; a function's do not."""
    top = _read(
        """\
        with suppress(ImportError):
            from x import A
        while not READY:
            B = 1
        try:
            pass
        finally:
            C = 2
        def f():
            D = 3
        """
    )
    assert _kinds(top) == {
        "A": ("import", 2),
        "B": ("object", 4),
        "C": ("object", 8),
        "f": ("function", 9),
    }


def test_the_strongest_binding_of_a_name_is_kept() -> None:
    """A definition beats an assignment, an assignment an import, any of them a name bound
    only for type checkers; among equals the first assignment or import and the last def."""
    top = _read(
        """\
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from x import Hint
        else:
            Hint = None
        try:
            import json
        except ImportError:
            json = None
        import os
        import os
        def twice(): ...
        def twice(): ...
        """
    )
    assert _kinds(top) == {
        "TYPE_CHECKING": ("import", 1),
        "Hint": ("object", 5),
        "json": ("object", 9),
        "os": ("import", 10),
        "twice": ("function", 13),
    }


def test_type_checking_names_are_kind_typing_or_left_out() -> None:
    """A name bound only under `if TYPE_CHECKING:` is `typing` when asked for, else absent."""
    source = "if TYPE_CHECKING:\n    from x import Hint\n"
    assert _kinds(_read(source)) == {"Hint": ("typing", 2)}
    assert _kinds(_read(source, typing=False)) == {}


def test_all_is_a_literal_replaced_by_assignment_and_extended_by_augmented_one() -> None:
    """`__all__ = [...]` replaces, `__all__ += [...]` extends, a computed `__all__` is unknown."""
    assert _read("__all__ = ['a']\n__all__ = ['b']\n__all__ += ('c',)\n").all_names == ("b", "c")
    assert _read("__all__ = ['a']\n__all__ = names()\n").all_names is None
    assert _read("__all__ = ['a', name]\n").all_names is None


def test_star_imports_and_getattr() -> None:
    """A star import records its absolute module; a module `__getattr__` is noted."""
    top = _read("from .sub import *\nfrom . import *\ndef __getattr__(name): ...\n", "pkg.mod")
    assert (top.stars, top.has_getattr) == (["pkg.mod.sub", "pkg.mod"], True)


def test_guarded_and_typing_flags_of_statements() -> None:
    """An import under `if` or `try: ... except ImportError` may not run; under
    `if TYPE_CHECKING:` it never runs; a bare one always runs."""
    body = ast.parse(
        "import a\nif X:\n    import b\ntry:\n    import c\nexcept ImportError:\n    pass\n"
        "if TYPE_CHECKING:\n    import d\n"
    ).body
    flags = [(ast.unparse(s.node), s.guarded, s.typing) for s in statements(body)]
    assert flags == [
        ("import a", False, False),
        ("import b", True, False),
        ("import c", True, False),
        ("pass", False, False),
        ("import d", False, True),
    ]


def test_relative_imports_resolve_from_the_package_or_escape() -> None:
    """`from ..x import y` in `pkg.sub` is `pkg.x`; one level too many is None."""
    assert resolve_relative("pkg.sub", "x", 2) == "pkg.x"
    assert resolve_relative("pkg.sub", None, 1) == "pkg.sub"
    assert resolve_relative("pkg", None, 2) is None
    assert resolve_relative("", "x", 0) == "x"


def test_diff_sees_a_name_bound_inside_a_with_block() -> None:
    """`diff` counts a re-export made inside `with suppress(...)` as still bound."""
    index, _ = build_api(
        {
            "mod.py": b"from contextlib import suppress\nwith suppress(ImportError):\n"
            b"    from other import Thing\n"
        },
        lambda folder: False,
    )
    assert index.binds("mod", "Thing")

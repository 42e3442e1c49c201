"""The static public-API index `diff` compares: module names, public names, what still binds."""

from __future__ import annotations

from collections.abc import Callable

from ssot_registry.diff.api import build_api, module_of


def _packages(*folders: str) -> Callable[[str], bool]:
    return lambda folder: folder in folders


def test_module_names_start_below_the_first_folder_without_init() -> None:
    """`src/pkg/sub/mod.py` is `pkg.sub.mod` when only pkg and pkg/sub are packages; tests,
    conftest and setup files are not API."""
    is_package = _packages("src/pkg", "src/pkg/sub")
    assert module_of("src/pkg/sub/mod.py", is_package) == "pkg.sub.mod"
    assert module_of("src/pkg/__init__.py", is_package) == "pkg"
    assert module_of("src/pkg/tests/test_mod.py", is_package) is None
    assert module_of("setup.py", is_package) is None


def test_public_names_follow_all_else_underscores_and_skip_imports() -> None:
    """With `__all__` the public names are exactly those listed; without it, definitions not
    starting with `_` (imports are not API)."""
    index, errors = build_api(
        {
            "listed.py": b"from x import y\n__all__ = ['y', 'f']\ndef f(): ...\ndef g(): ...\n",
            "plain.py": b"import os\nfrom x import y\nclass C: ...\n_P = 1\nV: int = 2\n",
            "broken.py": b"def (:\n",
        },
        lambda folder: False,
    )
    assert [b.name for b in index.modules["listed"].public] == ["y", "f"]
    assert [(b.name, b.kind) for b in index.modules["plain"].public] == [
        ("C", "class"),
        ("V", "object"),
    ]
    assert errors[0].startswith("broken.py: cannot parse:")


def test_names_still_bound_through_imports_star_and_getattr() -> None:
    """A name re-imported, brought by a star import, or served by `__getattr__` still exists."""
    index, _ = build_api(
        {
            "pkg/__init__.py": b"",
            "pkg/a.py": b"from pkg.b import moved\n",
            "pkg/b.py": b"def moved(): ...\ndef other(): ...\n",
            "pkg/c.py": b"from pkg.b import *\n",
            "pkg/d.py": b"def __getattr__(name): ...\n",
        },
        lambda folder: folder == "pkg",
    )
    assert index.binds("pkg.a", "moved")
    assert not index.binds("pkg.a", "other")
    assert index.binds("pkg.c", "other")
    assert index.binds("pkg.d", "anything")
    assert index.binds("pkg", "a")  # a submodule

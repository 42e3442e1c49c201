"""Each recogniser on small handwritten shims: the case it adopts and the case it leaves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ssot_registry.adopt import AdoptReport, adopt

WriteTree = Callable[[dict[str, str]], Path]


def _entries(report: AdoptReport) -> list[tuple[str, str]]:
    return [(str(p.old), str(p.new)) for p in report.added]


def test_star_reexport_with_warning_is_a_module_alias(write_tree: WriteTree) -> None:
    """`from new import *` plus a warning is a module alias carrying the message and versions."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/new.py": "def f(): ...\n",
            "pkg/old.py": """\
            import warnings
            from pkg.new import *  # noqa: F403
            warnings.warn("pkg.old is deprecated since 1.2 and will be removed in 2.0",
                          DeprecationWarning, stacklevel=2)
        """,
        }
    )
    [entry] = adopt([root]).added
    assert (str(entry.old), str(entry.new)) == ("pkg.old", "pkg.new")
    assert (entry.since, entry.remove_in) == ("1.2", "2.0")
    assert entry.reason == "pkg.old is deprecated since 1.2 and will be removed in 2.0"
    assert entry.shim is not None
    assert (entry.shim.line, entry.shim.end_line) == (1, 4)


def test_explicit_reexport_gives_attribute_aliases_with_renames(write_tree: WriteTree) -> None:
    """Explicit names (with `as`) are attribute aliases; private names are not adopted."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/old.py": "from other.place import New as Old, helper, _private\n",
        }
    )
    assert _entries(adopt([root])) == [
        ("pkg.old:Old", "other.place:New"),
        ("pkg.old:helper", "other.place:helper"),
    ]


def test_package_api_and_private_facade_are_not_shims(write_tree: WriteTree) -> None:
    """A package re-exporting its submodules is its API; a module re-exporting a private module
    is a facade, reported and not adopted."""
    root = write_tree(
        {
            "pkg/__init__.py": "from pkg.core import Thing\n",
            "pkg/core.py": "class Thing: ...\n",
            "pkg/api.py": "from pkg._impl import run\n",
        }
    )
    report = adopt([root])
    assert report.added == []
    [facade] = report.facades
    assert (facade.module, facade.line) == ("pkg.api", 1)
    assert facade.why == "re-exports a private implementation module: a public facade, not a shim"


def test_sys_modules_assignment_is_a_module_alias(write_tree: WriteTree) -> None:
    """`sys.modules[__name__] = module` and `sys.modules["x"] = module` are module aliases."""
    root = write_tree(
        {
            "pkg/__init__.py": """\
            import sys
            import pkg.modern as _modern
            sys.modules["pkg.legacy"] = _modern
        """,
            "pkg/moved.py": """\
            import sys
            from importlib import import_module
            sys.modules[__name__] = import_module("pkg.modern")
        """,
        }
    )
    assert sorted(_entries(adopt([root]))) == [
        ("pkg.legacy", "pkg.modern"),
        ("pkg.moved", "pkg.modern"),
    ]


def test_getattr_over_a_dict_of_paths(write_tree: WriteTree) -> None:
    """A warning `__getattr__` over a dict literal: one alias per entry, the message rendered for
    the entry; a `__getattr__` over a dict without a warning is a facade."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/old.py": """\
            import importlib, warnings
            _MOVED = {"Thing": "pkg.new", "Other": ("pkg.new", "Renamed")}
            def __getattr__(name):
                if name in _MOVED:
                    warnings.warn(f"pkg.old.{name} moved; removed in 3.0", DeprecationWarning)
                    return getattr(importlib.import_module(_MOVED[name]), name)
                raise AttributeError(name)
        """,
            "pkg/lazy.py": """\
            import importlib
            _LAZY = {"Thing": "pkg.new"}
            def __getattr__(name):
                return getattr(importlib.import_module(_LAZY[name]), name)
        """,
        }
    )
    report = adopt([root])
    assert _entries(report) == [
        ("pkg.old:Thing", "pkg.new:Thing"),
        ("pkg.old:Other", "pkg.new:Renamed"),
    ]
    assert [p.reason for p in report.added] == [
        "pkg.old.Thing moved; removed in 3.0",
        "pkg.old.Other moved; removed in 3.0",
    ]
    assert report.added[0].remove_in == "3.0"
    assert [(f.module, f.names) for f in report.facades] == [("pkg.lazy", 1)]


def test_warn_and_delegate_function_and_class_are_wrap_aliases(write_tree: WriteTree) -> None:
    """A function that warns and returns `new(*args, **kwargs)`, and a subclass that warns on
    `__init__`, are `mode = "wrap"` aliases; a function that does more is left alone."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/old.py": """\
            import warnings
            from pkg.new import build, Engine
            def make(*args, **kwargs):
                \"\"\"Deprecated.\"\"\"
                warnings.warn("make() is deprecated; use build()", DeprecationWarning)
                return build(*args, **kwargs)
            class Factory(Engine):
                def __init__(self, *args, **kwargs):
                    warnings.warn("Factory is deprecated", DeprecationWarning)
                    super().__init__(*args, **kwargs)
            def count(items):
                warnings.warn("count() is deprecated", DeprecationWarning)
                return len(list(items))
        """,
        }
    )
    report = adopt([root])
    assert [(str(p.old), str(p.new), p.mode, p.reason) for p in report.added] == [
        ("pkg.old:make", "pkg.new:build", "wrap", "make() is deprecated; use build()"),
        ("pkg.old:Factory", "pkg.new:Engine", "wrap", "Factory is deprecated"),
    ]


def test_tombstone_getattr(write_tree: WriteTree) -> None:
    """A `__getattr__` raising for a removed name with a version and a replacement is a
    tombstone; without a version it is SSOT401 at the branch's line."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/old.py": """\
            def __getattr__(name):
                if name == "Gone":
                    raise ImportError("Gone was removed in 2.0; use `pkg.new:Better` instead")
                if name == "Lost":
                    raise ImportError("Lost is gone, use pkg.new.Found")
                raise AttributeError(name)
        """,
        }
    )
    report = adopt([root])
    [tombstone] = report.added
    assert (str(tombstone.old), str(tombstone.new), tombstone.removed_in) == (
        "pkg.old:Gone",
        "pkg.new:Better",
        "2.0",
    )
    [problem] = report.not_understood
    assert (Path(problem.file).name, problem.line, problem.code) == ("old.py", 4, "SSOT401")
    assert problem.why == (
        "pkg.old:Lost raises a message that states no version: 'Lost is gone, use pkg.new.Found'; "
        "a registry tombstone needs `new` and `removed_in` (write it by hand)"
    )


def test_shims_not_understood_are_ssot401_with_file_and_line(write_tree: WriteTree) -> None:
    """A warning `__getattr__` with no table, and a module that warns but holds other code,
    are SSOT401 at their lines."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/dynamic.py": """\
            import warnings
            def __getattr__(name):
                warnings.warn(f"{name} is deprecated", DeprecationWarning)
                return compute(name)
        """,
            "pkg/mixed.py": """\
            import warnings
            warnings.warn("pkg.mixed is deprecated", DeprecationWarning)
            VALUE = 1
        """,
        }
    )
    report = adopt([root])
    assert [(Path(n.file).name, n.line, n.why) for n in report.not_understood] == [
        (
            "dynamic.py",
            2,
            "module __getattr__ warns but looks names up in no dict literal of paths that adopt "
            "can read",
        ),
        (
            "mixed.py",
            2,
            "the module warns on import but is not a pure re-export (line 3 is other code); "
            "nothing to adopt from it",
        ),
    ]
    assert report.added == []

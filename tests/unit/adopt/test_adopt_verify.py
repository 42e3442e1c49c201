"""`adopt --verify`: old and new imported in fresh interpreters; only identical objects stay."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.adopt import adopt
from ssot_registry.adopt.verify import verify

WriteTree = Callable[[dict[str, str]], Path]


def test_verify_keeps_every_pydantic_entry_on_the_installed_pydantic() -> None:
    """The entries adopted from the installed pydantic's own shims all give the identical
    object when imported in isolation."""
    spec = importlib.util.find_spec("pydantic")
    assert spec is not None
    assert spec.origin is not None
    report = adopt([Path(spec.origin).parent])
    before = {str(p.old) for p in report.added if p.dialect == "pydantic"}
    verify(report, None, timeout=60.0)
    assert report.unverified == []
    assert "pydantic.utils:version_info" in before
    assert before <= {str(p.old) for p in report.added}


def test_verify_reports_a_shim_that_serves_another_object(
    write_tree: WriteTree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shim whose table says pkg.new but whose code serves pkg.other is SSOT402 and dropped;
    a warning subclass (mode wrap) and a tombstone that fails are kept."""
    root = write_tree(
        {
            "pkg/__init__.py": "",
            "pkg/new.py": "class Thing: ...\nclass Engine: ...\n",
            "pkg/other.py": "class Thing: ...\n",
            "pkg/old.py": """\
            import importlib, warnings
            from pkg.new import Engine
            _MOVED = {"Thing": "pkg.new"}
            def __getattr__(name):
                if name in _MOVED:
                    warnings.warn(f"{name} moved", DeprecationWarning)
                    return getattr(importlib.import_module("pkg.other"), name)
                if name == "Gone":
                    raise AttributeError("Gone was removed in 2.0; use pkg.new.Engine")
                raise AttributeError(name)
            class Factory(Engine):
                def __init__(self):
                    warnings.warn("Factory is deprecated", DeprecationWarning)
                    super().__init__()
        """,
        }
    )
    monkeypatch.chdir(root)
    report = adopt(["pkg"])
    verify(report, None, timeout=60.0)
    [failed] = report.unverified
    assert (str(failed.proposal.old), failed.code) == ("pkg.old:Thing", "SSOT402")
    assert failed.why == (
        "gives type pkg.other.Thing, not the identical object (type pkg.new.Thing)"
    )
    assert sorted(str(p.old) for p in report.added) == ["pkg.old:Factory", "pkg.old:Gone"]

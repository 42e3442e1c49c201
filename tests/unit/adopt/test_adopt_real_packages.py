"""Every dialect of SPEC §12 on the real, pinned package that wrote it (read, never imported)."""

from __future__ import annotations

import ast
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.adopt import AdoptReport, Proposal, adopt
from ssot_registry.registry import ImportPath

RealPackage = Callable[[str], Path]


def _run(root: Path, package: str, monkeypatch: pytest.MonkeyPatch) -> AdoptReport:
    monkeypatch.chdir(root)
    return adopt([package])


def _entry(report: AdoptReport, old: str) -> Proposal:
    found = [p for p in report.added if p.old == ImportPath.parse(old)]
    assert len(found) == 1, f"{old} adopted {len(found)} times"
    return found[0]


def _lookup_entries(root: Path, variable: str) -> int:
    """Entries of the module-level dict literals assigned to `variable`, by a plain ast walk."""
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                tree = ast.parse(Path(folder, name).read_text(encoding="utf-8"))
                for node in tree.body:
                    if (
                        isinstance(node, ast.Assign)
                        and isinstance(node.value, ast.Dict)
                        and any(isinstance(t, ast.Name) and t.id == variable for t in node.targets)
                    ):
                        total += len(node.value.keys)
    return total


def test_pydantic_moved_in_v2_tables(
    real_package: RealPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pydantic 2.9.2's MOVED_IN_V2, DEPRECATED_MOVED_IN_V2 and the REDIRECT_TO_V1 comprehension
    become 30 aliases with the shim's message; REMOVED_IN_V2 (no replacement) is SSOT401."""
    report = _run(real_package("pydantic"), "pydantic", monkeypatch)
    tables = [p for p in report.added if p.dialect == "pydantic"]
    assert len(tables) == 7 + 12 + 11
    moved = _entry(report, "pydantic.generics:GenericModel")
    assert (str(moved.new), moved.since) == ("pydantic:BaseModel", "2")
    assert (
        moved.reason == "`pydantic.generics:GenericModel` has been moved to `pydantic.BaseModel`."
    )
    assert str(_entry(report, "pydantic.utils:deep_update").new) == "pydantic.v1.utils:deep_update"
    [removed] = [n for n in report.not_understood if "REMOVED_IN_V2" in n.why]
    assert (removed.file, removed.line) == ("pydantic/_migration.py", 49)
    assert removed.why.startswith("REMOVED_IN_V2: 196 removed names whose message names no ")


def test_langchain_deprecated_lookup(
    real_package: RealPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LangChain 0.3.27's DEPRECATED_LOOKUP dicts with create_importer: every dict entry is an
    alias of the module that holds it; module_lookup is reported as a facade, not adopted."""
    root = real_package("langchain")
    report = _run(root, "langchain", monkeypatch)
    adopted = [
        p
        for p in report.added
        if p.shim is not None and p.shim.what.startswith("DEPRECATED_LOOKUP[")
    ]
    assert len(adopted) == _lookup_entries(root, "DEPRECATED_LOOKUP") == 1847
    entry = _entry(report, "langchain.chat_models.openai:ChatOpenAI")
    assert str(entry.new) == "langchain_community.chat_models.openai:ChatOpenAI"
    assert entry.shim is not None
    assert entry.shim.what == "DEPRECATED_LOOKUP['ChatOpenAI']"
    facades = {f.module: f.names for f in report.facades}
    assert facades["langchain.chains"] == 62
    fallback = [n for n in report.not_understood if "fallback_module" in n.why]
    assert [(n.file, n.code) for n in fallback] == [("langchain/agents/load_tools.py", "SSOT401")]


def test_airflow_nested_deprecated_classes(
    real_package: RealPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Airflow 2.9.3's nested __deprecated_classes with add_deprecated_classes: one alias per
    virtual module and class, renamed classes included; a malformed target is SSOT401."""
    report = _run(real_package("apache-airflow"), "airflow", monkeypatch)
    renamed = _entry(report, "airflow.operators.dummy_operator:DummyOperator")
    assert (str(renamed.new), renamed.dialect) == (
        "airflow.operators.empty:EmptyOperator",
        "airflow",
    )
    bash = _entry(report, "airflow.operators.bash_operator:BashOperator")
    assert str(bash.new) == "airflow.operators.bash:BashOperator"
    assert len([p for p in report.added if p.dialect == "airflow"]) == 699
    trailing_dot = [n for n in report.not_understood if n.file == "airflow/kubernetes/__init__.py"]
    assert [n.line for n in trailing_dot] == [23, 24]


def test_websockets_lazy_import_deprecated_aliases(
    real_package: RealPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """websockets 13.1's lazy_import(deprecated_aliases=...) with relative module paths: a
    submodule becomes a module alias, a name an attribute alias, 'deprecated in 9.0' the since;
    lazy_import(aliases=...) is a facade."""
    report = _run(real_package("websockets"), "websockets", monkeypatch)
    framing = _entry(report, "websockets.framing")
    assert (str(framing.new), framing.since) == ("websockets.legacy.framing", "9.0")
    assert str(_entry(report, "websockets:parse_uri").new) == "websockets.uri:parse_uri"
    renamed = _entry(report, "websockets.sync.server:WebSocketServer")
    assert (str(renamed.new), renamed.since) == ("websockets.sync.server:Server", "13.0")
    assert str(_entry(report, "websockets.auth").new) == "websockets.legacy.auth"
    facades = [(f.module, f.names) for f in report.facades]
    assert ("websockets", 49) in facades
    assert report.not_understood == []


def test_wagtail_moved_definitions(
    real_package: RealPackage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """wagtail 5.2.8's MOVED_DEFINITIONS with MovedDefinitionHandler: the warning class
    RemovedInWagtail60Warning gives remove_in 6.0; a warning re-export module is a module alias."""
    report = _run(real_package("wagtail"), "wagtail", monkeypatch)
    moved = _entry(report, "wagtail.search.forms:QueryForm")
    assert (str(moved.new), moved.remove_in) == (
        "wagtail.contrib.search_promotions.forms:QueryForm",
        "6.0",
    )
    tests_utils = _entry(report, "wagtail.tests.utils")
    assert (str(tests_utils.new), tests_utils.remove_in) == ("wagtail.test.utils", "6.0")
    assert tests_utils.reason is not None
    assert tests_utils.reason.startswith("Importing from wagtail.tests.utils is deprecated.")

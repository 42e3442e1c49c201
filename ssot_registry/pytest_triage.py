"""The pytest side of triage: `--ssot-triage` explains pytest's own collection errors.

Registered by `pytest_plugin.py` when `--ssot-triage` or
`--ssot-triage-propose FILE` is given. Each collection error is read where it
happens (also in pytest-xdist workers): the exception's innermost
application frame and what is missing travel on the collect report as plain
data, so the controller sees them too. The terminal summary then shows the
root causes, their classes (SSOT201-208), evidence and proposals, exactly as
`ssot-registry triage` does, inheriting pytest's import rules and whatever
other plugins set up (pytest-django's settings). Nothing here imports pytest.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from ssot_registry.registry import Registry
from ssot_registry.render.triage_text import render_text
from ssot_registry.triage.api import empty_registry
from ssot_registry.triage.classify import Context, display
from ssot_registry.triage.discovery import name_in_prepend_mode
from ssot_registry.triage.dynamic import failure_from_cause
from ssot_registry.triage.grouping import explain, order_causes
from ssot_registry.triage.history import GitHistory
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Failure, TriageCause, TriageReport
from ssot_registry.triage.propose import fragment
from ssot_registry.validator.causes import describe_failure

__all__ = ["TriagePlugin"]

_ATTRIBUTE = "ssot_triage"  # the collect report's attribute carrying the failure (JSON types)


def _application_roots(rootdir: Path, module: str) -> frozenset[str]:
    """Top-level names of the modules loaded from below the rootdir (not a virtualenv)."""
    below = os.path.join(str(rootdir), "")
    roots = {module.partition(".")[0]}
    for name, loaded in list(sys.modules.items()):
        file = getattr(loaded, "__file__", None) or ""
        if file.startswith(below) and "site-packages" not in file:
            roots.add(name.partition(".")[0])
    return frozenset(roots)


class _XdistModules:
    """Under pytest-xdist: the test modules behind the ids each worker collected."""

    def __init__(self, plugin: TriagePlugin) -> None:
        self.plugin = plugin

    def pytest_xdist_node_collection_finished(self, node: Any, ids: list[str]) -> None:
        """Count every module a worker collected an item from."""
        self.plugin.modules.update(nodeid.partition("::")[0] for nodeid in ids)


class TriagePlugin:
    """Collects the failures of pytest's collection and explains them at the end."""

    def __init__(self, config: Any, propose: str | None, registry: Registry | None) -> None:
        self.config = config
        self.propose = propose
        self.registry = registry or empty_registry()
        self.modules: set[str] = set()
        self.failures: list[Failure] = []
        self.mismatches: list[tuple[str, str]] = []  # (module name, file)
        if config.pluginmanager.hasplugin("xdist"):  # workers only send the failed reports
            config.pluginmanager.register(_XdistModules(self), "ssot-registry-triage-xdist")

    def pytest_exception_interact(self, node: Any, call: Any, report: Any) -> None:
        """Where a collector failed: locate the root cause and attach it to the report."""
        if getattr(report, "when", None) != "collect" or call.excinfo is None:
            return
        error = call.excinfo.value
        original = error.__cause__ if error.__cause__ is not None else error
        path = str(getattr(node, "path", "") or "")
        module = name_in_prepend_mode(path)[0] if path.endswith(".py") else node.nodeid
        if type(original).__name__ == "ImportPathMismatchError":
            setattr(report, _ATTRIBUTE, {"mismatch": [module, path]})
            return
        roots = _application_roots(Path(self.config.rootpath), module)
        cause = describe_failure(original, module, self.registry, roots)
        failure = failure_from_cause(module, "SSOT010", cause)
        setattr(report, _ATTRIBUTE, dataclasses.asdict(failure))

    def pytest_collectreport(self, report: Any) -> None:
        """Count the test modules; keep each failure (arrived from a worker or from here)."""
        nodeid = str(report.nodeid)
        if nodeid.endswith(".py") and "::" not in nodeid:
            self.modules.add(nodeid)
        data = getattr(report, _ATTRIBUTE, None)
        if isinstance(data, dict) and "mismatch" in data:
            name, file = data["mismatch"]
            self.mismatches.append((str(name), str(file)))
        elif isinstance(data, dict):
            self.failures.append(Failure(**data))

    def report(self) -> TriageReport:
        """The triage report of this collection (classified like `ssot-registry triage`)."""
        rootdir = str(self.config.rootpath)
        folders = {name_in_prepend_mode(f.file)[1] for f in self.failures if f.file}
        below = [p for p in sys.path if p and os.path.abspath(p).startswith(rootdir)]
        source = self.registry.source
        registry_folder = [str(Path(source).resolve().parent)] if source is not None else []
        index = StaticIndex(sorted({rootdir, *folders, *below, *registry_folder}))
        context = Context(index, GitHistory(rootdir), self.registry, rootdir, list(sys.path))
        causes = explain(self.failures, context) + self._mismatch_causes()
        broken = len({f.module for f in self.failures}) + len(self.mismatches)
        total = max(len(self.modules), broken)
        return TriageReport(total, total - broken, order_causes(causes))

    def _mismatch_causes(self) -> list[TriageCause]:
        by_name: dict[str, list[str]] = {}
        for name, file in self.mismatches:
            by_name.setdefault(name, []).append(display(file))
        return [
            TriageCause(
                "SSOT208",
                name,
                None,
                None,
                f"import file mismatch: another test file is already module '{name}'",
                tuple(files),
                None,
                "rename one of the files, or add __init__.py files so their names differ",
            )
            for name, files in by_name.items()
        ]

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """The root causes, classes, evidence and proposals; the fragment with the propose
        option (never in an xdist worker)."""
        if hasattr(self.config, "workerinput"):
            return
        report = self.report()
        terminalreporter.write_sep("=", "ssot-registry triage")
        for line in render_text(report).splitlines():
            terminalreporter.write_line(line)
        if self.propose is not None:
            target = Path(self.config.invocation_params.dir, self.propose)
            target.write_text(fragment(report.root_causes), encoding="utf-8")
            terminalreporter.write_line(f"proposals written to {display(str(target))}")

"""`adopt`: read shims statically, turn them into registry entries, merge with the registry."""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from collections.abc import Iterable, Sequence

from ssot_registry.adopt.found import Found
from ssot_registry.adopt.getattrs import recognise_getattr
from ssot_registry.adopt.lookups import HELPERS, recognise_lookups
from ssot_registry.adopt.model import (
    AdoptReport,
    Contradiction,
    Facade,
    NotUnderstood,
    Proposal,
)
from ssot_registry.adopt.reexport import (
    recognise_reexport,
    recognise_sys_modules,
    recognise_wrappers,
)
from ssot_registry.adopt.source import ModuleSource, call_name
from ssot_registry.adopt.tables import recognise_path_tables
from ssot_registry.migration.files import find_sources, module_name
from ssot_registry.migration.source import SourceError, decode_source
from ssot_registry.migration.workers import can_fork, run_forked
from ssot_registry.registry import Alias, ImportPath, Registry

__all__ = ["adopt", "merge", "read_shims"]

# a file that mentions one of these may hold a shim; any other file is read only when it
# could be a plain re-export module (no definitions, no control flow at the top level)
_MARKERS = (
    "warn",
    "sys.modules",
    "__getattr__",
    "deprecated",
    "create_importer",
    "lazy_import",
    "MovedDefinitionHandler",
    "add_deprecated_classes",
)
_FILES_PER_PROCESS = 200
_CODE = re.compile(
    r"^(?:def|class|async|@|for|while|with|[A-Za-z_]\w*\s*\(|if\s+__name__)", re.MULTILINE
)


def _parse(path: str) -> ModuleSource | NotUnderstood | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        text = decode_source(raw).text
    except (OSError, SourceError) as error:
        return NotUnderstood(path, 1, f"cannot read: {error}", code="error")
    if not any(marker in text for marker in _MARKERS) and (
        "import" not in text or _CODE.search(text)
    ):
        return None
    module, is_package = module_name(path)
    if module is None:
        return None
    try:
        return ModuleSource.parse(path, module, is_package, text)
    except SyntaxError as error:
        return NotUnderstood(path, error.lineno or 1, f"syntax error: {error.msg}", code="error")
    except (ValueError, RecursionError) as error:
        return NotUnderstood(path, 1, f"cannot parse: {error}", code="error")


def _getattr_assignments(source: ModuleSource) -> Iterable[tuple[int, str]]:
    """`__getattr__ = helper(...)` at module level: (line, helper name)."""
    for node in source.tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and any(isinstance(t, ast.Name) and t.id == "__getattr__" for t in node.targets)
        ):
            yield node.lineno, call_name(node.value).rpartition(".")[2]


@dataclasses.dataclass
class _FileResult:
    """What the recognisers found in one file (plain data: it crosses a pipe)."""

    proposals: list[Proposal]
    not_understood: list[NotUnderstood]
    facades: list[Facade]
    helpers: set[str]
    assignments: list[tuple[str, int, str]]


def _read_file(path: str) -> _FileResult | NotUnderstood | None:
    source = _parse(path)
    if source is None or isinstance(source, NotUnderstood):
        return source
    found = Found(source)
    recognise_lookups(found)
    helpers = recognise_path_tables(found)
    recognise_getattr(found)
    recognise_sys_modules(found)
    recognise_wrappers(found)
    recognise_reexport(found)
    assignments = [(path, line, name) for line, name in _getattr_assignments(source)]
    return _FileResult(found.proposals, found.not_understood, found.facades, helpers, assignments)


def _read_chunk(paths: list[str]) -> list[_FileResult | NotUnderstood | None]:
    return [_read_file(path) for path in paths]


def _cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _read_all(files: list[str], jobs: int | None) -> list[_FileResult | NotUnderstood | None]:
    processes = max(1, min(jobs or _cpus(), len(files) // _FILES_PER_PROCESS))
    if processes == 1 or not can_fork():
        return _read_chunk(files)
    size = max(1, len(files) // (processes * 4))
    chunks = [files[start : start + size] for start in range(0, len(files), size)]
    return run_forked(chunks, _read_chunk, processes)


def read_shims(paths: Sequence[str | os.PathLike[str]], jobs: int | None = None) -> AdoptReport:
    """Every shim under `paths`, read without importing: proposals in file order, unmerged."""
    report = AdoptReport()
    files = find_sources(paths)
    report.files = len(files)
    helpers = set(HELPERS)
    assignments: list[tuple[str, int, str]] = []
    for result in _read_all(files, jobs):
        if isinstance(result, NotUnderstood):
            report.errors.append(result)
        elif result is not None:
            report.added.extend(result.proposals)
            report.not_understood.extend(result.not_understood)
            report.facades.extend(result.facades)
            helpers |= result.helpers
            assignments += result.assignments
    for path, line, name in assignments:
        if name not in helpers:
            report.not_understood.append(
                NotUnderstood(
                    path, line, f"__getattr__ = {name}(...): adopt does not know what {name} serves"
                )
            )
    return report


def _existing(registry: Registry | None, extra: Sequence[Alias]) -> dict[ImportPath, Alias]:
    table: dict[ImportPath, Alias] = {}
    for alias in [*(registry.aliases if registry is not None else ()), *extra]:
        table.setdefault(alias.old, alias)
    return table


def _describe(alias: Alias) -> str:
    where = f" (line {alias.line})" if alias.line else ""
    if alias.is_tombstone:
        return f"a tombstone for {alias.old} naming {alias.new}{where}"
    return f"an alias {alias.old} -> {alias.new}{where}"


def merge(report: AdoptReport, registry: Registry | None, extra: Sequence[Alias] = ()) -> None:
    """Keep the proposals the registry lacks; report those it contradicts; collapse chains."""
    existing = _existing(registry, extra)
    symbols = {s.path: name for name, s in (registry.symbols.items() if registry else ())}
    chosen: dict[ImportPath, Proposal] = {}
    added: list[Proposal] = []
    for proposal in report.added:
        known = existing.get(proposal.old)
        if known is not None:
            if known.new == proposal.new and known.is_tombstone == (proposal.is_tombstone):
                report.present.append(proposal)
            else:
                report.contradictions.append(
                    _contradiction(proposal, f"the registry has {_describe(known)}")
                )
            continue
        if proposal.old in symbols:
            report.contradictions.append(
                _contradiction(
                    proposal, f"the registry's symbol {symbols[proposal.old]} is canonical there"
                )
            )
            continue
        earlier = chosen.get(proposal.old)
        if earlier is not None:
            if earlier.new != proposal.new:
                report.contradictions.append(
                    _contradiction(
                        proposal,
                        f"the shim at {earlier.file}:{earlier.line} leads to {earlier.new}",
                    )
                )
            continue
        chosen[proposal.old] = proposal
        added.append(proposal)
    report.added = _collapse(added, existing, report)


def _contradiction(proposal: Proposal, existing: str) -> Contradiction:
    return Contradiction(proposal.old, proposal.new, existing, proposal.file, proposal.line)


def _collapse(
    added: list[Proposal], existing: dict[ImportPath, Alias], report: AdoptReport
) -> list[Proposal]:
    """A `new` that is itself an old path leads on to its canonical path (the registry allows
    no chains)."""
    targets = {old: alias.new for old, alias in existing.items() if not alias.is_tombstone}
    targets.update({p.old: p.new for p in added if p.removed_in is None})
    kept = []
    for proposal in added:
        new, seen = proposal.new, {proposal.old}
        while new in targets and new not in seen:
            seen.add(new)
            new = targets[new]
        if new in seen:
            report.contradictions.append(_contradiction(proposal, "the shims form a cycle"))
            continue
        kept.append(dataclasses.replace(proposal, new=new) if new != proposal.new else proposal)
    return kept


def adopt(
    paths: Sequence[str | os.PathLike[str]],
    registry: Registry | None = None,
    extra: Sequence[Alias] = (),
    *,
    jobs: int | None = None,
) -> AdoptReport:
    """Read the shims under `paths` and keep what the registry (and `extra` aliases) lack."""
    report = read_shims(paths, jobs)
    merge(report, registry, extra)
    return report

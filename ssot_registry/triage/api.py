"""`triage(paths)`: why the tree does not import, what fixes it, and the measured proof."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Registry, load_text_unchecked
from ssot_registry.registry.check_table import read_check
from ssot_registry.triage.classify import Context, display
from ssot_registry.triage.discovery import discover, duplicate_names
from ssot_registry.triage.dynamic import Importer, preimports, warm_start
from ssot_registry.triage.grouping import explain, order_causes
from ssot_registry.triage.history import GitHistory
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Failure, TestModule, TriageCause, TriageReport
from ssot_registry.triage.propose import fragment, merged_registry

__all__ = ["Options", "triage"]


@dataclass(frozen=True)
class Options:
    """Everything `ssot-registry triage` can be told (SPEC section 11)."""

    static: bool = False
    isolate: bool = True
    jobs: int | None = None
    timeout: float = 30.0
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    git: bool = True
    propose: str | None = None


Progress = Callable[[str], None]


def empty_registry() -> Registry:
    """The registry used when the project has none yet."""
    return load_text_unchecked('[registry]\nschema = 1\nname = "triage"\n')


def _cpus() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _duplicates(modules: Sequence[TestModule]) -> tuple[list[TriageCause], set[str]]:
    """SSOT208 per shared name; the files after the first fail in pytest."""
    causes: list[TriageCause] = []
    broken: set[str] = set()
    for name, found in duplicate_names(modules).items():
        files = tuple(display(m.file) for m in found)
        broken.update(m.file for m in found[1:])
        causes.append(
            TriageCause(
                "SSOT208",
                name,
                found[1].file,
                None,
                f"import file mismatch: {len(found)} test files are module '{name}'",
                files,
                None,
                "rename one of the files, or add __init__.py files so their names differ",
            )
        )
    return causes, broken


def _index_roots(modules: Sequence[TestModule], options: Options, registry: Registry) -> list[str]:
    roots = [m.folder for m in modules] + [os.path.abspath(p) for p in options.paths]
    if registry.source is not None:
        roots.append(str(Path(registry.source).resolve().parent))
    return list(dict.fromkeys(roots))


def triage(
    paths: Sequence[str],
    registry: Registry | None = None,
    options: Options = Options(),
    progress: Progress | None = None,
) -> TriageReport:
    """Import (or, with `static`, resolve) every module under `paths` and explain failures.

    Raises FileNotFoundError for a path that does not exist; never prints.
    """
    from ssot_registry.validator.plan import search_path

    say = progress or (lambda text: None)
    registry = registry or empty_registry()
    modules = discover(paths, options.exclude)
    duplicates, mismatched = _duplicates(modules)
    source = Path(registry.source) if registry.source is not None else None
    settings = read_check(source)
    search = search_path((*settings.path, *options.paths), source)
    say(f"indexing {len(modules)} modules")
    index = StaticIndex(
        [*settings.path, *_index_roots(modules, options, registry)], options.exclude
    )
    search = list(dict.fromkeys([*(m.folder for m in modules), *search]))
    index.add_imported_packages(search)
    roots = index.top_levels | {m.name.partition(".")[0] for m in modules}
    start = os.path.abspath(paths[0]) if paths else os.getcwd()
    history = GitHistory(
        start if os.path.isdir(start) else os.path.dirname(start), enabled=options.git
    )
    context = Context(index, history, registry, start, search)
    importer = Importer(
        registry,
        search,
        roots,
        preimports(index, roots),
        options.jobs or _cpus(),
        options.timeout,
        warm_start(modules, index, settings),
    )
    if options.static:
        from ssot_registry.triage.static import resolve_statically

        failures = resolve_statically(modules, index, search, registry)
    else:
        say(f"importing {len(modules)} modules")
        run = importer.isolated if options.isolate else importer.in_order
        failures = [f for f in run(modules).values() if f is not None]
    skipped = {m.name for m in modules if m.file in mismatched}
    failures = [_refine(f, index) for f in failures if f.module not in skipped]
    order_dependent = (
        _order_dependent(modules, failures, importer)
        if options.isolate and not options.static
        else set()
    )
    causes = explain((f for f in failures if f.module not in order_dependent), context)
    if order_dependent:
        causes.append(_order_cause(sorted(order_dependent), failures))
    causes += duplicates
    broken = {f.module for f in failures} | {m.name for m in modules if m.file in mismatched}
    importable = len(modules) - len(broken)
    say("proving the proposals")
    causes = _prove(causes, registry, importer) if not options.static else causes
    after = None
    if options.propose is not None:
        Path(options.propose).write_text(fragment(order_causes(causes)), encoding="utf-8")
        retry = [m for m in modules if m.name in {f.module for f in failures}]
        if not options.static:
            after = importable + _reimport(retry, causes, registry, importer, options.isolate)
    return TriageReport(len(modules), importable, order_causes(causes), after)


def _refine(failure: Failure, index: StaticIndex) -> Failure:
    """A missing module as the import statement named it (`pkg.core.models`, not `pkg.core`)."""
    if not failure.missing_module:
        return failure
    wanted = index.wanted_module(failure.missing_module, failure.file, failure.line)
    return replace(failure, missing_module=wanted)


def _order_dependent(
    modules: Sequence[TestModule], failures: Sequence[Failure], importer: Importer
) -> set[str]:
    """Failed modules that do import in pytest's order, after the modules before them
    (those that hung or crashed alone are left out: they would end the whole sequence)."""
    failed = {f.module for f in failures if f.code == "SSOT010"}
    if not failed:
        return set()
    fatal = {f.module for f in failures if f.code != "SSOT010"}
    last = max(i for i, m in enumerate(modules) if m.name in failed)
    found = importer.in_order([m for m in modules[: last + 1] if m.name not in fatal])
    return {name for name, failure in found.items() if failure is None and name in failed}


def _order_cause(modules: list[str], failures: Sequence[Failure]) -> TriageCause:
    first = next(f for f in failures if f.module == modules[0])
    return TriageCause(
        "SSOT207",
        first.cause_module,
        first.file,
        first.line,
        first.error,
        tuple(modules),
        None,
        "imports only after another module was imported: import what it needs itself",
    )


def _prove(causes: list[TriageCause], registry: Registry, importer: Importer) -> list[TriageCause]:
    """`certain` for each move whose old path gives the identical object through the alias."""
    try:
        merged = merged_registry(registry, causes)
    except RegistryError:
        return causes
    positions = {str(alias.old): i for i, alias in enumerate(merged.aliases)}
    wanted = [
        positions[c.proposal.old]
        for c in causes
        if c.proposal is not None and c.proposal.applicable and c.proposal.old in positions
    ]
    proven = importer.prove(merged, wanted)
    return [
        replace(c, proposal=replace(c.proposal, confidence="certain"))
        if c.proposal is not None and c.proposal.old in proven and c.proposal.applicable
        else c
        for c in causes
    ]


def _reimport(
    retry: Sequence[TestModule],
    causes: Sequence[TriageCause],
    registry: Registry,
    importer: Importer,
    isolate: bool,
) -> int:
    """How many of the failed modules import with the proposals installed."""
    if not retry:
        return 0
    try:
        merged = merged_registry(registry, causes)
    except RegistryError:
        return 0
    run = importer.isolated if isolate else importer.in_order
    return sum(1 for failure in run(retry, merged).values() if failure is None)

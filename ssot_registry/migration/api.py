"""`scan` and `migrate`: the use cases, run over many files (in worker processes when large)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import partial
from operator import attrgetter
from pathlib import Path

from ssot_registry.migration.disk import remove_stale_temporaries, replace_file
from ssot_registry.migration.engine import FileOutcome, process_file
from ssot_registry.migration.files import Sources, collect_sources
from ssot_registry.migration.index import PathIndex, build_index
from ssot_registry.migration.model import FileError, Finding, MigrationResult, ScanReport
from ssot_registry.migration.proofs import Proofs
from ssot_registry.migration.source import SourceError
from ssot_registry.migration.workers import can_fork, run_forked
from ssot_registry.registry import Registry, load

__all__ = ["migrate", "migrate_report", "scan", "scan_report"]

PARALLEL_FILES = 400
_CHUNK = 32
_NO_PROOFS = Proofs()
_INDEX: PathIndex | None = None
_PROOFS = _NO_PROOFS

PathLike = str | os.PathLike[str]


# where a finding is: the sort key of a report (one C call per finding)
_place = attrgetter("path", "cell", "line", "col", "code", "old")


def _registry(registry: Registry | PathLike) -> Registry:
    return registry if isinstance(registry, Registry) else load(Path(registry))


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _set_context(index: PathIndex, proofs: Proofs) -> None:
    global _INDEX, _PROOFS  # the per-process context of a pool worker
    _INDEX, _PROOFS = index, proofs


def _outcomes(
    paths: list[str], index: PathIndex, rewrite: bool, full_parse: bool, proofs: Proofs
) -> list[FileOutcome]:
    """The outcomes of `paths` that found something or failed."""
    outcomes = (
        process_file(path, index, rewrite=rewrite, full_parse=full_parse, proofs=proofs)
        for path in paths
    )
    return [outcome for outcome in outcomes if outcome.findings or outcome.error]


def _process_chunk(paths: list[str], rewrite: bool, full_parse: bool) -> list[FileOutcome]:
    assert _INDEX is not None
    return _outcomes(paths, _INDEX, rewrite, full_parse, _PROOFS)


def _process(
    files: list[str],
    index: PathIndex,
    *,
    rewrite: bool,
    jobs: int | None,
    full_parse: bool = False,
    proofs: Proofs = _NO_PROOFS,
) -> list[FileOutcome]:
    """Run every file through the pipeline, across `jobs` processes for large trees."""
    workers = jobs if jobs is not None else _cpu_count()
    if workers > 1 and (jobs is not None or len(files) >= PARALLEL_FILES) and index:
        chunks = [files[start : start + _CHUNK] for start in range(0, len(files), _CHUNK)]
        found = _process_in_workers(chunks, index, rewrite, full_parse, workers, proofs=proofs)
        if found is not None:
            return found
    return _outcomes(files, index, rewrite, full_parse, proofs)


def _process_in_workers(
    chunks: list[list[str]],
    index: PathIndex,
    rewrite: bool,
    full_parse: bool,
    workers: int,
    *,
    proofs: Proofs,
) -> list[FileOutcome] | None:
    """The outcomes of every chunk from `workers` processes; None when none could start."""
    if can_fork():
        work = partial(
            _outcomes, index=index, rewrite=rewrite, full_parse=full_parse, proofs=proofs
        )
        try:
            return run_forked(chunks, work, workers)
        except OSError:
            return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_set_context,
            initargs=(index, proofs),
        ) as pool:
            futures = [pool.submit(_process_chunk, chunk, rewrite, full_parse) for chunk in chunks]
            return [outcome for future in futures for outcome in future.result()]
    except (BrokenProcessPool, OSError):
        return None  # a worker died or could not start: do the work here instead


def scan_report(
    paths: Sequence[PathLike],
    registry: Registry | PathLike,
    *,
    exclude: Sequence[str] = (),
    jobs: int | None = None,
    full_parse: bool = False,
) -> ScanReport:
    """Scan `paths` for uses of deprecated paths: findings, files read, files that failed.

    Files whose text is conclusive are analysed from the text and only proved to
    parse (bytes proved before, kept in `proofs_file(first path)`, are not parsed
    again); `full_parse` parses every file that mentions a deprecated name, so that
    each syntax error among them is listed.
    """
    index = build_index(_registry(registry))
    sources = collect_sources(paths, exclude, notebooks=True)
    files = sources.files
    report = ScanReport(files=len(files), errors=sources.skipped)
    proofs = Proofs.load(_cache_folder(sources))
    outcomes = _process(
        files, index, rewrite=False, jobs=jobs, full_parse=full_parse, proofs=proofs
    )
    for outcome in outcomes:
        report.findings.extend(outcome.findings)
        if outcome.error is not None:
            report.errors.append(outcome.error)
    proofs.save(outcome.proof for outcome in outcomes if outcome.proof is not None)
    report.findings.sort(key=_place)
    report.errors.sort()
    return report


def _cache_folder(sources: Sources) -> str | None:
    """The folder whose `__pycache__` keeps a scan's syntax proofs: the first path's."""
    if not sources.roots:
        return None
    first = sources.roots[0]
    return first if os.path.isdir(first) else os.path.dirname(first)


def scan(paths: Sequence[PathLike], registry: Registry | PathLike) -> list[Finding]:
    """Every use of an alias or `[[external]]` old path under `paths`, sorted by place.

    Reads sources without importing or running them. Files that cannot be read
    or parsed are skipped here; `scan_report` lists them.
    """
    return scan_report(paths, registry).findings


def migrate_report(
    paths: Sequence[PathLike],
    registry: Registry | PathLike,
    *,
    write: bool = False,
    exclude: Sequence[str] = (),
    jobs: int | None = None,
) -> MigrationResult:
    """Rewrite deprecated paths under `paths` (in place with `write`, else only diffs).

    With `write`, each file is replaced only if it is still what was read; a
    file that cannot be written is an error and the others are still written.
    Temporary files that killed runs left behind are removed first.
    """
    index = build_index(_registry(registry))
    sources = collect_sources(paths, exclude, notebooks=True)
    files = sources.files
    result = MigrationResult(files=len(files), errors=sources.skipped)
    if write:
        result.removed = remove_stale_temporaries(sources.temporaries)
    failed: set[str] = set()
    for outcome in _process(files, index, rewrite=True, jobs=jobs):
        result.findings.extend(outcome.findings)
        if outcome.error is not None:
            result.errors.append(outcome.error)
        if outcome.rewritten is None or outcome.diff is None or outcome.stamp is None:
            continue
        result.diffs[outcome.path] = outcome.diff
        if write:
            try:
                replace_file(outcome.path, outcome.rewritten, outcome.original, outcome.stamp)
            except SourceError as error:
                result.errors.append(FileError(outcome.path, str(error)))
                failed.add(outcome.path)
            else:
                result.written.append(outcome.path)
    result.findings.sort(key=_place)
    result.errors.sort()
    result.written.sort()
    result.remaining = [
        finding for finding in result.findings if not finding.fixable or finding.path in failed
    ]
    return result


def migrate(
    paths: Sequence[PathLike], registry: Registry | PathLike, *, write: bool = False
) -> MigrationResult:
    """Rewrite every deprecated path under `paths`: a diff per file, written in place if `write`.

    Only the paths change; comments, quoting, line endings, encoding and file
    mode stay. Uses that cannot be rewritten safely are left and listed in
    `remaining`; unreadable or unwritable files are listed in `errors`.
    """
    return migrate_report(paths, registry, write=write)

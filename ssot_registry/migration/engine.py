"""One file through the pipeline: read, pre-filter, parse, analyse, rewrite, re-parse."""

from __future__ import annotations

import ast
import warnings
from dataclasses import dataclass, field
from operator import attrgetter

from ssot_registry.migration.analyze import FileAnalysis, Use
from ssot_registry.migration.edits import Edit, apply_edits
from ssot_registry.migration.files import module_name
from ssot_registry.migration.index import PathIndex
from ssot_registry.migration.lazy import without_lazy
from ssot_registry.migration.model import FileError, Finding
from ssot_registry.migration.source import Source, SourceError, decode_source
from ssot_registry.migration.textscan import UnsureError, find_uses

__all__ = ["FileOutcome", "process_file"]

_EMPTY = ast.Module(body=[], type_ignores=[])
# the order of `Finding` (every field but the path, which one file's findings share)
_ORDER = attrgetter("line", "col", "code", "old", "new", "message", "fixable")


@dataclass
class FileOutcome:
    """What one file yielded: findings, the rewritten bytes (when asked for), or an error."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: FileError | None = None
    rewritten: bytes | None = None
    diff: str | None = None


def _parse(source: Source, path: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes in user code
        try:
            return ast.parse(without_lazy(source.text), filename=path)
        except SyntaxError as error:
            raise SourceError(f"line {error.lineno}: syntax error: {error.msg}") from None
        except ValueError as error:  # source with NUL bytes
            raise SourceError(f"cannot parse: {error}") from None


def _settle(uses: list[Use]) -> list[Edit]:
    """The edits of every rewritable use, refusing uses whose edits overlap another's."""
    accepted: list[Edit] = []
    seen: set[Edit] = set()
    for use in sorted(uses, key=lambda use: (use.line, use.col)):
        if use.problem is not None:
            continue
        fresh = [edit for edit in use.edits if edit not in seen]
        clash = any(
            edit.start < other.end and other.start < edit.end
            for edit in fresh
            for other in accepted
        )
        if clash:
            use.refuse("it overlaps another rewrite on the same line")
            continue
        for edit in fresh:
            seen.add(edit)
            accepted.append(edit)
    return accepted


def _finding(path: str, use: Use, index: PathIndex) -> Finding:
    old, new, message = index.wording(use.entry, use.used, use.replacement)
    if use.problem is not None:
        message += f" Not rewritten automatically: {use.problem}."
    return Finding(
        path, use.line, use.col, use.code, old, new, message, fixable=use.problem is None
    )


def _diff(path: str, before: str, after: str) -> str:
    import difflib  # only diffs need it; `scan` starts faster without

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path,
        tofile=path,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _rewrite(outcome: FileOutcome, source: Source, uses: list[Use]) -> None:
    """Apply the uses' edits, re-parse, and keep the new bytes and the diff (or refuse all)."""
    edits = _settle(uses)
    if not edits:
        return
    data = apply_edits(source.data, edits)
    try:
        _parse(Source.from_text(data.decode("utf-8")), outcome.path)
        outcome.rewritten = source.encode(data)
    except SourceError as error:
        problem = f"the rewritten file would not parse ({error})"
    except UnicodeEncodeError:
        problem = f"the new path cannot be written in the file's {source.encoding}"
    else:
        outcome.diff = _diff(outcome.path, source.text, data.decode("utf-8"))
        return
    for use in uses:
        use.refuse(problem)


def process_file(
    path: str, index: PathIndex, *, rewrite: bool, full_parse: bool = False
) -> FileOutcome:
    """Scan one file (and plan its rewrite when `rewrite`); never raises for a bad file.

    A scan reads the text alone where it is conclusive (`textscan`) and parses
    with `ast` otherwise; `full_parse` parses every candidate file (and so
    reports every syntax error among them). A rewrite always parses.
    """
    outcome = FileOutcome(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as error:
        outcome.error = FileError(path, f"cannot read: {error.strerror}")
        return outcome
    module, is_package = module_name(path)
    if not index.may_use(raw, module.partition(".")[0] if module else None):
        return outcome
    try:
        source = decode_source(raw)
    except SourceError as error:
        outcome.error = FileError(path, str(error))
        return outcome
    uses = None
    if not rewrite and not full_parse:
        try:
            uses = find_uses(FileAnalysis(source, _EMPTY, index, module, is_package=is_package))
        except UnsureError:
            uses = None
    if uses is None:
        try:
            tree = _parse(source, path)
        except SourceError as error:
            outcome.error = FileError(path, str(error))
            return outcome
        uses = FileAnalysis(source, tree, index, module, is_package=is_package).run()
    if not uses:
        return outcome
    if rewrite:
        _rewrite(outcome, source, uses)
    outcome.findings = sorted((_finding(path, use, index) for use in uses), key=_ORDER)
    return outcome

"""One file through the pipeline: read, pre-filter, parse, analyse, rewrite, re-parse.

A file is parsed before any finding in it is called fixable: a syntax error is
reported and its findings are left for a person. A file too deeply nested for
the parser (RecursionError) or too large for memory is one error, not a crash.
"""

from __future__ import annotations

import ast
import gc
import warnings
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

from ssot_registry.migration.analyze import FileAnalysis, Use
from ssot_registry.migration.disk import Stamp, read_file
from ssot_registry.migration.edits import Edit, apply_edits
from ssot_registry.migration.files import module_name
from ssot_registry.migration.index import PathIndex
from ssot_registry.migration.lazy import without_lazy
from ssot_registry.migration.model import FileError, Finding
from ssot_registry.migration.proofs import Proofs, compiled_by_python, proof_key
from ssot_registry.migration.source import Source, SourceError, decode_source
from ssot_registry.migration.syntax import parses
from ssot_registry.migration.textscan import UnsureError, find_uses

if TYPE_CHECKING:
    from ssot_registry.migration.notebooks import Notebook

__all__ = ["FileOutcome", "process_file"]

_EMPTY = ast.Module(body=[], type_ignores=[])
_NO_PROOFS = Proofs()
# the order of `Finding` (every field but the path, which one file's findings share)
_ORDER = attrgetter("cell", "line", "col", "code", "old", "new", "message", "fixable")


@dataclass
class FileOutcome:
    """What one file yielded: findings, the rewritten bytes (when asked for), or an error.

    With a rewrite, `original` and `stamp` say what was read, so that the
    writer can make sure the file is still that before replacing it. `proof`
    is the key of bytes proved (or known) to parse, for the proofs cache.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: FileError | None = None
    rewritten: bytes | None = None
    diff: str | None = None
    original: bytes = b""
    stamp: Stamp | None = None
    proof: bytes | None = None


def _parse(source: Source, path: str) -> ast.Module:
    collecting = gc.isenabled()
    gc.disable()  # the tree is all new objects that no cycle collection can free: ~10% faster
    try:
        return _parse_text(source, path)
    finally:
        if collecting:
            gc.enable()


def _parse_text(source: Source, path: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes in user code
        try:
            return ast.parse(without_lazy(source.text), filename=path)
        except SyntaxError as error:
            line = error.lineno or 1
            raise SourceError(f"line {line}: syntax error: {error.msg}", line) from None
        except ValueError as error:  # source with NUL bytes
            raise SourceError(f"cannot parse: {error}") from None


def _check_syntax(source: Source, path: str) -> None:
    """Prove that `source` parses, as `_parse` would, without the cost of building its tree.

    `syntax.parses` runs CPython's parser and makes no `ast` objects; when it
    proves nothing, `_parse` decides and gives the message (and passes the few
    scope errors, `nonlocal` at module level, that `ast` accepts).
    """
    if not parses(source.text, path):
        _parse(source, path)


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


class _File:
    """One file being processed: its path, notebook (if it is one) and what it yields."""

    def __init__(self, path: str, index: PathIndex, proofs: Proofs) -> None:
        self.path = path
        self.index = index
        self.proofs = proofs
        self.notebook: Notebook | None = None
        self.outcome = FileOutcome(path)
        self.module, self.is_package = module_name(path)

    def finding(self, use: Use) -> Finding:
        old, new, message = self.index.wording(use.entry, use.used, use.replacement)
        if use.problem is not None:
            message += f" Not rewritten automatically: {use.problem}."
        cell = None
        line = use.line
        if self.notebook is not None:
            cell, line = self.notebook.locate(line)
        fixable = use.problem is None
        return Finding(self.path, line, use.col, use.code, old, new, message, fixable, cell)

    def located(self, error: SourceError) -> str:
        """The message of `error`, its line given as a cell and line for a notebook."""
        message = str(error)
        if self.notebook is None or error.line is None:
            return message
        cell, line = self.notebook.locate(error.line)
        return f"cell {cell}: line {line}:" + message[len(f"line {error.line}:") :]

    def rewrite(self, source: Source, uses: list[Use]) -> None:
        """Apply the uses' edits, re-parse, and keep the new bytes and the diff (or refuse all)."""
        edits = _settle(uses)
        if not edits:
            return
        data = apply_edits(source.data, edits)
        outcome = self.outcome
        try:
            _parse(Source.from_text(data.decode("utf-8")), outcome.path)
            if self.notebook is None:
                before, rewritten, after = source.text, source.encode(data), data
            else:
                before, rewritten = self.notebook.text, self.notebook.rewrite(edits)
                after = rewritten
        except SourceError as error:
            problem = f"the rewritten file would not parse ({self.located(error)})"
        except UnicodeEncodeError:
            problem = f"the new path cannot be written in the file's {source.encoding}"
        else:
            outcome.rewritten = rewritten
            outcome.diff = _diff(outcome.path, before, after.decode("utf-8"))
            return
        for use in uses:
            use.refuse(problem)

    def read(self) -> Source | None:
        """The file's source; None when the pre-filter shows it names no deprecated path."""
        raw, stamp = read_file(self.path)
        self.outcome.original, self.outcome.stamp = raw, stamp
        if not self.index.may_use(raw, self.module.partition(".")[0] if self.module else None):
            return None
        if self.path.endswith(".ipynb"):
            from ssot_registry.migration.notebooks import read_notebook  # only for notebooks

            self.notebook = read_notebook(raw)
            return Source.from_text(self.notebook.code)
        return decode_source(raw)

    def prove(self, source: Source) -> None:
        """Make sure `source` parses, unless its bytes are known to (from the proofs kept,
        or from this interpreter's own `.pyc` of them); SourceError if not."""
        outcome = self.outcome
        stamp = outcome.stamp
        if self.proofs.path is None:  # no cache: nothing to look up or remember
            if not self._has_pyc(stamp):
                _check_syntax(source, self.path)
            return
        key = proof_key(outcome.original)
        if key not in self.proofs and not self._has_pyc(stamp):
            _check_syntax(source, self.path)
        outcome.proof = key

    def _has_pyc(self, stamp: Stamp | None) -> bool:
        if stamp is None or self.notebook is not None:
            return False
        return compiled_by_python(self.path, self.outcome.original, stamp.size, stamp.mtime_ns)

    def analysis(self, source: Source, tree: ast.Module = _EMPTY) -> FileAnalysis:
        """A fresh analysis of `source` (of the text alone when `tree` is empty)."""
        return FileAnalysis(source, tree, self.index, self.module, is_package=self.is_package)

    def run(self, *, rewrite: bool, full_parse: bool) -> None:
        """Read, analyse and (with `rewrite`) plan the file's rewrite; SourceError if unreadable."""
        source = self.read()
        if source is None:
            return
        uses = None
        if not rewrite and not full_parse and self.notebook is None:
            uses = _text_uses(self.analysis(source))
            if uses == []:
                return
        try:
            if uses is None:
                tree = _parse(source, self.path)
            else:
                self.prove(source)
        except SourceError as error:
            self.outcome.error = FileError(self.path, self.located(error))
            if uses is None:  # what the text shows is still worth reporting, as not fixable
                uses = _text_uses(self.analysis(source))
            for use in uses or ():
                use.refuse("the file does not parse")
        else:
            if uses is None:
                uses = self.analysis(source, tree).run()
            if uses and rewrite:
                self.rewrite(source, uses)
        self.outcome.findings = sorted(map(self.finding, uses or ()), key=_ORDER)


def _text_uses(analysis: FileAnalysis) -> list[Use] | None:
    """The uses the text alone shows, None when it is not conclusive."""
    try:
        return find_uses(analysis)
    except UnsureError:
        return None


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


def process_file(
    path: str,
    index: PathIndex,
    *,
    rewrite: bool,
    full_parse: bool = False,
    proofs: Proofs = _NO_PROOFS,
) -> FileOutcome:
    """Scan one file (and plan its rewrite when `rewrite`); never raises for a bad file.

    A scan reads the text alone where it is conclusive (`textscan`); a file
    with findings is then parsed to prove it is valid Python. `full_parse`
    parses every candidate file (and so reports every syntax error among them).
    A rewrite always parses. Bytes in `proofs` are known to parse and are not
    parsed again.
    """
    work = _File(path, index, proofs)
    outcome = work.outcome
    try:
        work.run(rewrite=rewrite, full_parse=full_parse)
    except SourceError as error:
        message = str(error)
    except RecursionError:  # from `ast.parse` or from walking its tree
        message = "skipped: nested too deeply for Python's parser (its recursion limit)"
    except MemoryError:  # from `ast.parse` ("too complex to parse") or a huge file
        message = "skipped: too complex for Python's parser (it ran out of memory)"
    else:
        if outcome.rewritten is None:  # only a rewrite needs what was read (nor sends it back)
            outcome.original, outcome.stamp = b"", None
        return outcome
    return FileOutcome(path, error=FileError(path, message))

"""The decisions on import statements, one planner for the `ast` path and the text path.

Both readers describe each statement as an `ImportStatement` (`imports.py` from the
tree, `textimports.py` from the text alone). `ImportPlanner` decides which names are
deprecated, how each is rewritten and why one is refused. It makes edits only for
statements read from the tree (`node` set); the text path scans, and raises
`UnsureError` where a decision needs the tree (`FileState.assigned_names`, ...).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Protocol

from ssot_registry.migration.edits import (
    Edit,
    from_module_span,
    insert_after,
    node_span,
    remove_aliases,
)
from ssot_registry.migration.index import Entry, Match, PathIndex
from ssot_registry.migration.source import Source

__all__ = [
    "FileState",
    "ImportPlanner",
    "ImportStatement",
    "ImportedName",
    "UnsureError",
    "Use",
]


class UnsureError(Exception):
    """The text alone is not conclusive: parse the file with `ast`."""


@dataclass
class ImportedName:
    """One imported name: its text, offset, `as` name, and whether it is written in one piece."""

    name: str
    offset: int
    asname: str | None
    contiguous: bool
    node: ast.alias | None = None


@dataclass
class ImportStatement:
    """One `import` or `from` statement (PEP 810 `lazy` ones too), read from text or tree."""

    kind: str
    start: int
    end: int
    line: int
    names: list[ImportedName] = field(default_factory=list)
    level: int = 0
    module: str | None = None
    module_offset: int = 0
    lazy: bool = False
    node: ast.Import | ast.ImportFrom | None = None

    @property
    def keyword(self) -> str:
        """How a statement added next to this one starts: `lazy ` for a lazy one."""
        return "lazy " if self.lazy else ""


@dataclass
class Use:
    """One finding in the making: where, which entry, how it is rewritten (or why not)."""

    line: int
    col: int
    code: str
    entry: Entry
    used: str
    replacement: str
    edits: list[Edit] = field(default_factory=list)
    problem: str | None = None

    def refuse(self, problem: str) -> None:
        """Keep the finding but leave the code as it is, saying why."""
        if self.problem is None:
            self.problem = problem
        self.edits = []


class FileState(Protocol):
    """What the planner reads and records about the file (`FileAnalysis` provides it)."""

    source: Source
    index: PathIndex
    module: str | None
    is_package: bool
    imported_modules: set[str]

    def use_at(self, offset: int, code: str, match: Match) -> Use:
        """A new use of the path `match` found at `offset`."""

    def bind(self, name: str, path: str, statement: ImportStatement) -> None:
        """Record that `statement` binds `name` to the dotted `path`."""

    def mentions(self, name: str) -> bool:
        """Does the identifier `name` occur anywhere in the file?"""

    def assigned_names(self) -> set[str]:
        """Names bound other than by imports (raises `UnsureError` without a tree)."""

    def top_still_needed(self, statement: ImportStatement, name: str) -> bool:
        """Is the top name of `name` read for more than it (raises `UnsureError` without a tree)."""


@dataclass
class _Move:
    """A name of a `from` import that moves: the name, its use, and where it goes."""

    index: int
    imported: ImportedName
    use: Use
    module: str | None
    name: str

    def text(self) -> str:
        bound = self.imported.asname or self.imported.name
        return self.name if bound == self.name else f"{self.name} as {bound}"


def _span(imported: ImportedName) -> tuple[int, int] | None:
    """The offsets of the imported name when it is written in one piece."""
    if not imported.contiguous:
        return None
    return imported.offset, imported.offset + len(imported.name.encode("utf-8"))


class ImportPlanner:
    """Plans every import statement of one file, in order."""

    def __init__(self, state: FileState, statements: list[ImportStatement]) -> None:
        self.state = state
        self.statements = statements
        self.insertions: set[tuple[int, str]] = set()

    def run(self) -> None:
        """Plan each statement: record its bindings and uses (with edits, from a tree)."""
        for statement in self.statements:
            if statement.kind == "import":
                self.plan_import(statement)
            else:
                self.plan_from(statement)

    # -- shared facts -------------------------------------------------------------

    def _package(self, level: int) -> list[str] | None:
        """The package a relative import of `level` dots starts from, as parts."""
        state = self.state
        if state.module is None:
            return None
        parts = state.module.split(".")
        if not state.is_package:
            parts = parts[:-1]
        if level - 1 >= len(parts):
            return None
        return parts[: len(parts) - (level - 1)]

    def resolve(self, statement: ImportStatement) -> str | None:
        """The absolute module a `from` import reads from (None for an unresolvable one)."""
        if statement.level == 0:
            return statement.module
        package = self._package(statement.level)
        if package is None:
            return None
        return ".".join([*package, statement.module] if statement.module else package)

    def _spelled(self, statement: ImportStatement, module: str) -> str:
        """`module` written as the statement writes its module: relative when it stays inside."""
        if statement.level == 0:
            return module
        anchor = ".".join(self._package(statement.level) or ())
        if module == anchor:
            return "." * statement.level
        if module.startswith(anchor + "."):
            return "." * statement.level + module[len(anchor) + 1 :]
        return module

    def _existing_from(self, skip: ImportStatement) -> dict[tuple[str, str, str], int]:
        """(module, name, bound name) of every other `from` import in the file, with its line."""
        found: dict[tuple[str, str, str], int] = {}
        for statement in self.statements:
            if statement is skip or statement.kind != "from":
                continue
            module = self.resolve(statement) or ""
            for imported in statement.names:
                key = (module, imported.name, imported.asname or imported.name)
                found.setdefault(key, statement.line)
        return found

    # -- `import a.old` -------------------------------------------------------------

    def plan_import(self, statement: ImportStatement) -> None:
        """`import a.old`, `import a.old.sub as x`: rewrite the module name in place."""
        state = self.state
        for imported in statement.names:
            name = imported.name
            top = name.partition(".")[0]
            state.bind(imported.asname or top, name if imported.asname else top, statement)
            match = state.index.match_module(name)
            final = name
            if match is not None:
                use = state.use_at(imported.offset, "SSOT101", match)
                self._rewrite_import(statement, imported, match, use)
                if use.problem is None:
                    final = match.new_dotted
            if not imported.asname:
                state.imported_modules.add(final)

    def _rewrite_import(
        self, statement: ImportStatement, imported: ImportedName, match: Match, use: Use
    ) -> None:
        span = _span(imported)
        if span is None:
            use.refuse("the module name is split across lines")
            return
        new = match.new_dotted
        for other in self.statements:
            if other is not statement and other.kind == "import":
                for existing in other.names:
                    if existing.name == new and existing.asname == imported.asname:
                        use.refuse(f"it would duplicate the import on line {other.line}")
                        return
        top, new_top = imported.name.partition(".")[0], new.partition(".")[0]
        if not imported.asname and new_top != top:
            state = self.state
            if state.mentions(new_top) and new_top in state.assigned_names():
                use.refuse(f"'import {new}' would clash with the name {new_top!r} bound here")
                return
            if state.top_still_needed(statement, imported.name):
                use.refuse(f"the name {top!r} is also used for other modules here")
                return
        if statement.node is not None:
            use.edits.append(Edit(*span, new))

    # -- `from a.old import x` ------------------------------------------------------

    def plan_from(self, statement: ImportStatement) -> None:
        """`from a.old import x`, `from a import old`, `from a.mod import f as g`, relative."""
        state = self.state
        module = self.resolve(statement)
        if module is None:
            return
        for imported in statement.names:
            if imported.name != "*":
                name = imported.asname or imported.name
                state.bind(name, f"{module}.{imported.name}", statement)
        match = state.index.match_module(module)
        if match is not None:
            self._rewrite_from_module(statement, match)
            return
        moves = self._find_moves(statement, module)
        if moves and statement.node is not None:
            self._split(statement, moves)

    def _rewrite_from_module(self, statement: ImportStatement, match: Match) -> None:
        """`from a.old.sub import x`: only the module part changes."""
        use = self.state.use_at(statement.module_offset, "SSOT101", match)
        existing = self._existing_from(statement)
        for imported in statement.names:
            key = (match.new_dotted, imported.name, imported.asname or imported.name)
            if key in existing:
                use.refuse(f"it would duplicate the import on line {existing[key]}")
                return
        if isinstance(statement.node, ast.ImportFrom):
            start, end = from_module_span(self.state.source, statement.node)
            use.edits.append(Edit(start, end, self._spelled(statement, match.new_dotted)))

    def _find_moves(self, statement: ImportStatement, module: str) -> list[_Move]:
        moves = []
        existing: dict[tuple[str, str, str], int] | None = None
        for index, imported in enumerate(statement.names):
            if imported.name == "*":
                continue
            match = self.state.index.match_exact(f"{module}.{imported.name}")
            if match is None:
                continue
            use = self.state.use_at(imported.offset, "SSOT101", match)
            if match.entry.old.is_module:
                target, _, name = match.new_dotted.rpartition(".")
                target_module: str | None = target or None
            else:
                target_module = match.entry.new.module
                name = match.entry.new.qualname or ""
                if "." in name:
                    use.refuse(f"{match.entry.new} cannot be imported with 'from ... import'")
                    continue
            if existing is None:
                existing = self._existing_from(statement)
            key = (target_module or "", name, imported.asname or imported.name)
            if key in existing:
                use.refuse(f"it would duplicate the import on line {existing[key]}")
                continue
            if _span(imported) is None:
                use.refuse("the imported name is split across lines")
                continue
            moves.append(_Move(index, imported, use, target_module, name))
        return moves

    def _rename_in_place(self, moves: list[_Move]) -> list[Edit]:
        """Edits renaming the imported names of moves that stay in their statement."""
        edits = []
        for move in moves:
            span = _span(move.imported)
            if span is None or move.imported.name == move.name:
                continue
            if move.imported.asname == move.name and move.imported.node is not None:
                span = node_span(self.state.source, move.imported.node)  # `old as new` -> `new`
            text = move.name if move.imported.asname else move.text()
            edits.append(Edit(*span, text))
        return edits

    def _split(self, statement: ImportStatement, moves: list[_Move]) -> None:
        """Rewrite in place what can stay in this statement, move the rest to new statements."""
        node = statement.node
        assert isinstance(node, ast.ImportFrom)
        source = self.state.source
        groups: dict[str | None, list[_Move]] = {}
        for move in moves:
            groups.setdefault(move.module, []).append(move)
        named = [imported for imported in statement.names if imported.name != "*"]
        edits: list[Edit] = []
        in_place: list[_Move] = []
        if len(moves) == len(named) and next(iter(groups)) is not None:
            in_place = groups.pop(next(iter(groups)))
            start, end = from_module_span(source, node)
            edits.append(Edit(start, end, self._spelled(statement, in_place[0].module or "")))
            edits.extend(self._rename_in_place(in_place))
        if groups:
            moved = {move.index for move in moves}
            stay = {move.index for move in in_place}
            stay.update(i for i, name in enumerate(statement.names) if name.name == "*")
            stay.update(i for i in range(len(statement.names)) if i not in moved)
            removed = [move.index for group in groups.values() for move in group]
            if stay:
                edits.extend(remove_aliases(source, node, removed))
            lines: list[str] = []
            lazy = statement.keyword
            for module, group in groups.items():
                if module is None:
                    lines.extend(f"{lazy}import {move.text()}" for move in group)
                else:
                    names = ", ".join(move.text() for move in group)
                    spelled = self._spelled(statement, module)
                    lines.append(f"{lazy}from {spelled} import {names}")
            if stay:
                edits.extend(insert_after(source, node, line) for line in lines)
            else:
                edits.append(Edit(*node_span(source, node), "; ".join(lines)))
        for move in moves:
            move.use.edits.extend(edits)

    # -- imports that rewritten chains need -------------------------------------------

    def require_import(self, use: Use, module: str, after: ImportStatement) -> None:
        """Make sure `import module` is in the file for a rewritten chain (insert it if not)."""
        state = self.state
        if any(
            imported == module or imported.startswith(module + ".")
            for imported in state.imported_modules
        ):
            return
        top = module.partition(".")[0]
        if state.mentions(top) and top in state.assigned_names():
            use.refuse(f"'import {module}' would clash with the name {top!r} bound here")
            return
        if after.node is None:
            return
        key = (node_span(state.source, after.node)[1], module)
        if key not in self.insertions:
            self.insertions.add(key)
            use.edits.append(
                insert_after(state.source, after.node, f"{after.keyword}import {module}")
            )

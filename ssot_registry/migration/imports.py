"""Plan the rewrite of `import` and `from ... import` statements that name deprecated paths."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ssot_registry.migration.analyze import FileAnalysis, Use
from ssot_registry.migration.edits import (
    Edit,
    from_module_span,
    insert_after,
    node_span,
    remove_aliases,
)
from ssot_registry.migration.index import Match

__all__ = ["plan_import", "plan_import_from"]


@dataclass
class _Move:
    """A name of a `from` import that moves: its index, use, and where it goes."""

    index: int
    alias: ast.alias
    use: Use
    module: str | None
    name: str


def _package(analysis: FileAnalysis, level: int) -> list[str] | None:
    """The package a relative import of `level` dots starts from, as parts."""
    if analysis.module is None:
        return None
    parts = analysis.module.split(".")
    if not analysis.is_package:
        parts = parts[:-1]
    if level - 1 >= len(parts):
        return None
    return parts[: len(parts) - (level - 1)]


def resolve_from(analysis: FileAnalysis, node: ast.ImportFrom) -> str | None:
    """The absolute module a `from` import reads from (None for an unresolvable relative one)."""
    if node.level == 0:
        return node.module
    package = _package(analysis, node.level)
    if package is None:
        return None
    return ".".join([*package, node.module] if node.module else package)


def _spelled(analysis: FileAnalysis, node: ast.ImportFrom, module: str) -> str:
    """`module` written as the statement writes its module: relative when it stays inside."""
    if node.level == 0:
        return module
    anchor = ".".join(_package(analysis, node.level) or ())
    if module == anchor:
        return "." * node.level
    if module.startswith(anchor + "."):
        return "." * node.level + module[len(anchor) + 1 :]
    return module


def _name_span(analysis: FileAnalysis, alias: ast.alias) -> tuple[int, int] | None:
    """The offsets of the imported name of `alias` when it is written in one piece."""
    start, _ = node_span(analysis.source, alias)
    raw = alias.name.encode("utf-8")
    if analysis.source.data[start : start + len(raw)] != raw:
        return None
    return start, start + len(raw)


def _existing_from(analysis: FileAnalysis, skip: ast.stmt) -> dict[tuple[str, str, str], int]:
    """(module, name, bound name) of every other `from` import in the file, with its line."""
    found: dict[tuple[str, str, str], int] = {}
    for statement in analysis.imports:
        if statement is skip or not isinstance(statement, ast.ImportFrom):
            continue
        module = resolve_from(analysis, statement)
        for alias in statement.names:
            found.setdefault(
                (module or "", alias.name, alias.asname or alias.name), statement.lineno
            )
    return found


def _top_still_needed(analysis: FileAnalysis, statement: ast.Import, name: str) -> bool:
    """True when the file reads the top-level name of `name` for more than the old module."""
    top, _, rest = name.partition(".")
    others = [b for b in analysis.bindings.get(top, ()) if b.statement is not statement]
    if others or analysis.load_count(top) == 0:
        return False
    second = rest.partition(".")[0]
    through = sum(
        1
        for node in ast.walk(analysis.tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == top
        and node.attr == second
    )
    return through < analysis.load_count(top)


def plan_import(analysis: FileAnalysis, statement: ast.Import) -> None:
    """`import a.old`, `import a.old.sub as x`: rewrite the module name in place."""
    for alias in statement.names:
        name = alias.name
        top = name.partition(".")[0]
        analysis.bind(alias.asname or top, name if alias.asname else top, statement)
        match = analysis.index.match_module(name)
        final = name
        if match is not None:
            use = analysis.new_use(alias, "SSOT101", match)
            _rewrite_import(analysis, statement, alias, match, use)
            if use.problem is None:
                final = match.new_dotted
        if not alias.asname:
            analysis.imported_modules.add(final)


def _rewrite_import(
    analysis: FileAnalysis, statement: ast.Import, alias: ast.alias, match: Match, use: Use
) -> None:
    span = _name_span(analysis, alias)
    if span is None:
        use.refuse("the module name is split across lines")
        return
    new = match.new_dotted
    top, new_top = alias.name.partition(".")[0], new.partition(".")[0]
    for other in analysis.imports:
        if other is not statement and isinstance(other, ast.Import):
            for existing in other.names:
                if existing.name == new and existing.asname == alias.asname:
                    use.refuse(f"it would duplicate the import on line {other.lineno}")
                    return
    if not alias.asname and new_top != top:
        if analysis.mentions(new_top) and new_top in analysis.assigned_names():
            use.refuse(f"'import {new}' would clash with the name {new_top!r} bound here")
            return
        if _top_still_needed(analysis, statement, alias.name):
            use.refuse(f"the name {top!r} is also used for other modules here")
            return
    use.edits.append(Edit(*span, new))


def plan_import_from(analysis: FileAnalysis, statement: ast.ImportFrom) -> None:
    """`from a.old import x`, `from a import old`, `from a.mod import f as g`, relative forms."""
    module = resolve_from(analysis, statement)
    if module is None:
        return
    for alias in statement.names:
        if alias.name != "*":
            analysis.bind(alias.asname or alias.name, f"{module}.{alias.name}", statement)
    match = analysis.index.match_module(module)
    if match is not None:
        _rewrite_from_module(analysis, statement, match)
        return
    moves = _find_moves(analysis, statement, module)
    if moves:
        _split(analysis, statement, moves)


def _rewrite_from_module(analysis: FileAnalysis, statement: ast.ImportFrom, match: Match) -> None:
    """`from a.old.sub import x`: only the module part changes."""
    start, end = from_module_span(analysis.source, statement)
    use = analysis.new_use(statement, "SSOT101", match)
    line = analysis.source.line_of(start)
    use.line = line
    use.col = analysis.source.column(line, start - analysis.source.starts[line - 1])
    existing = _existing_from(analysis, statement)
    for alias in statement.names:
        key = (match.new_dotted, alias.name, alias.asname or alias.name)
        if key in existing:
            use.refuse(f"it would duplicate the import on line {existing[key]}")
            return
    use.edits.append(Edit(start, end, _spelled(analysis, statement, match.new_dotted)))


def _find_moves(analysis: FileAnalysis, statement: ast.ImportFrom, module: str) -> list[_Move]:
    moves = []
    existing: dict[tuple[str, str, str], int] | None = None
    for index, alias in enumerate(statement.names):
        if alias.name == "*":
            continue
        match = analysis.index.match_exact(f"{module}.{alias.name}")
        if match is None:
            continue
        use = analysis.new_use(alias, "SSOT101", match)
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
            existing = _existing_from(analysis, statement)
        key = (target_module or "", name, alias.asname or alias.name)
        if key in existing:
            use.refuse(f"it would duplicate the import on line {existing[key]}")
            continue
        if _name_span(analysis, alias) is None:
            use.refuse("the imported name is split across lines")
            continue
        moves.append(_Move(index, alias, use, target_module, name))
    return moves


def _imported(move: _Move) -> str:
    bound = move.alias.asname or move.alias.name
    return move.name if bound == move.name else f"{move.name} as {bound}"


def _rename_in_place(analysis: FileAnalysis, moves: list[_Move]) -> list[Edit]:
    """Edits renaming the imported names of moves that stay in their statement."""
    edits = []
    for move in moves:
        span = _name_span(analysis, move.alias)
        if span is None or move.alias.name == move.name:
            continue
        if move.alias.asname == move.name:  # `old as new` becomes plain `new`
            span = node_span(analysis.source, move.alias)
        text = move.name if move.alias.asname else _imported(move)
        edits.append(Edit(*span, text))
    return edits


def _split(analysis: FileAnalysis, statement: ast.ImportFrom, moves: list[_Move]) -> None:
    """Rewrite in place what can stay in this statement, move the rest to new statements."""
    groups: dict[str | None, list[_Move]] = {}
    for move in moves:
        groups.setdefault(move.module, []).append(move)
    named = [alias for alias in statement.names if alias.name != "*"]
    edits: list[Edit] = []
    in_place: list[_Move] = []
    if len(moves) == len(named) and next(iter(groups)) is not None:
        in_place = groups.pop(next(iter(groups)))
        target = in_place[0].module or ""
        start, end = from_module_span(analysis.source, statement)
        edits.append(Edit(start, end, _spelled(analysis, statement, target)))
        edits.extend(_rename_in_place(analysis, in_place))
    if groups:
        stay = {move.index for move in in_place}
        stay.update(i for i, alias in enumerate(statement.names) if alias.name == "*")
        stay.update(i for i in range(len(statement.names)) if i not in {m.index for m in moves})
        removed = [move.index for group in groups.values() for move in group]
        if stay:
            edits.extend(remove_aliases(analysis.source, statement, removed))
        lines: list[str] = []
        for module, group in groups.items():
            if module is None:
                lines.extend(f"import {_imported(move)}" for move in group)
            else:
                names = ", ".join(_imported(move) for move in group)
                lines.append(f"from {_spelled(analysis, statement, module)} import {names}")
        if stay:
            edits.extend(insert_after(analysis.source, statement, line) for line in lines)
        else:
            edits.append(Edit(*node_span(analysis.source, statement), "; ".join(lines)))
    for move in moves:
        move.use.edits.extend(edits)

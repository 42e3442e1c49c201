"""Tables keyed by full `module:name` paths and read by a helper function (pydantic's
`MOVED_IN_V2` / `REMOVED_IN_V2` with `getattr_migration`), and tombstone messages."""

from __future__ import annotations

import ast
import re

from ssot_registry.adopt.evaluate import DictItem, dict_items, evaluate
from ssot_registry.adopt.found import Found, warn_call
from ssot_registry.adopt.source import ModuleSource
from ssot_registry.registry import ImportPath

__all__ = ["recognise_path_tables", "record_tombstone"]

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _is_full_path(value: object) -> bool:
    if not isinstance(value, str) or ":" not in value:
        return False
    try:
        ImportPath.parse(value)
    except ValueError:
        return False
    return True


def _membership(test: ast.expr, table: str) -> ast.expr | None:
    """`x` of `x in TABLE` / `x in TABLE.keys()`, else None."""
    if not (
        isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In)
    ):
        return None
    right = test.comparators[0]
    if isinstance(right, ast.Call) and isinstance(right.func, ast.Attribute):
        right = right.func.value
    return test.left if isinstance(right, ast.Name) and right.id == table else None


def _branches(function: ast.AST, table: str) -> list[tuple[ast.expr, list[ast.stmt]]]:
    return [
        (subject, node.body)
        for node in ast.walk(function)
        if isinstance(node, ast.If) and (subject := _membership(node.test, table)) is not None
    ]


def _names_in_branch(
    body: list[ast.stmt], subject: ast.expr, table: str, item: DictItem
) -> dict[str, object]:
    """What the branch's names stand for: the tested name is the key, `x = TABLE[...]` the value."""
    names: dict[str, object] = {}
    if isinstance(subject, ast.Name):
        names[subject.id] = item.key
    for node in body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Subscript)
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id == table
        ):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = item.value
    return names


def _message(
    body: list[ast.stmt], source: ModuleSource, names: dict[str, object]
) -> tuple[str | None, str, bool]:
    """(message, warning category, raises) of a branch."""
    for node in body:
        warned = warn_call(node, source, names)
        if warned is not None:
            return warned.message, warned.category, False
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            text = evaluate(node.exc.args[0], source, names)
            return (text if isinstance(text, str) else None), "", True
    return None, "", False


def recognise_path_tables(found: Found) -> set[str]:
    """Tables whose keys are `module:name` paths, used by a function in this file (pydantic).

    Returns the names of the functions that use them (helpers like `getattr_migration`).
    """
    source = found.source
    helpers: set[str] = set()
    functions = [node for node in source.tree.body if isinstance(node, _FUNCTIONS)]
    for table, value in source.bindings.items():
        if not isinstance(value, (ast.Dict, ast.Set, ast.DictComp, ast.SetComp)):
            continue
        items = dict_items(value, source)
        if not items or not all(_is_full_path(item.key) for item in items):
            continue
        users = [f for f in functions if _branches(f, table)]
        if not users:
            continue
        helpers.update(function.name for function in users)
        subject, body = _branches(users[0], table)[0]
        if isinstance(value, (ast.Set, ast.SetComp)):
            _removed_table(found, table, value=value, items=items, subject=subject, body=body)
            continue
        for item in items:
            names = _names_in_branch(body, subject, table, item)
            message, category, _ = _message(body, source, names)
            found.table_entry(
                str(item.key),
                item.value,
                "pydantic",
                item,
                what=f"{table}[{item.key!r}]",
                reason=message,
                names=(category, table),
            )
    return helpers


def _removed_table(
    found: Found,
    table: str,
    *,
    value: ast.expr,
    items: list[DictItem],
    subject: ast.expr,
    body: list[ast.stmt],
) -> None:
    missing = 0
    for item in items:
        names = _names_in_branch(body, subject, table, item)
        message, _, raises = _message(body, found.source, names)
        if not raises:
            continue
        if not record_tombstone(
            found,
            str(item.key),
            message,
            line=item.line,
            what=f"{table}[{item.key!r}]",
            report=False,
        ):
            missing += 1
    if missing:
        found.fail(
            value.lineno,
            f"{table}: {missing} removed names whose message names no "
            "replacement; a registry tombstone needs a `new` path (write them by hand)",
        )


_FROM_IMPORT = re.compile(r"\bfrom\s+([A-Za-z_][\w.]*)\s+import\s+([A-Za-z_]\w*)")
_QUOTED_PATH = re.compile(r"[`'\"]([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?::[A-Za-z_][\w.]*)?)[`'\"]")
_USE_PATH = re.compile(
    r"\b(?:use|moved\s+to|replaced\s+by|import)\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?::[\w.]+)?)"
)


def _replacement(message: str, old: str) -> str | None:
    """The import path a removal message sends people to: `from X import Y`, a quoted
    dotted path, or `use X` (URLs and the old path itself are not candidates)."""
    old_dotted = old.replace(":", ".")
    candidates = [f"{m.group(1)}:{m.group(2)}" for m in _FROM_IMPORT.finditer(message)]
    candidates += [m.group(1) for m in _QUOTED_PATH.finditer(message)]
    candidates += [m.group(1).rstrip(".") for m in _USE_PATH.finditer(message)]
    for candidate in candidates:
        if candidate.replace(":", ".") != old_dotted and "/" not in candidate:
            return candidate
    return None


def record_tombstone(
    found: Found, old: str, message: str | None, *, line: int, what: str, report: bool = True
) -> bool:
    new = _replacement(message or "", old)
    stated = found.versions(message)
    removed_in = stated.removed_in or stated.remove_in
    if new is None or removed_in is None:
        if report:
            if message is None:
                said = "a message built at run time"
            else:
                lack = "names no replacement path" if new is None else "states no version"
                said = f"a message that {lack}: {message!r}"
            found.fail(
                line,
                f"{old} raises {said}; a registry tombstone needs `new` and "
                "`removed_in` (write it by hand)",
            )
        return False
    found.tombstone(old, new, removed_in=removed_in, line=line, reason=message, what=what)
    return True

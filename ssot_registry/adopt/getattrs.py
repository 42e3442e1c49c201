"""Module `def __getattr__(name)` shims: dict lookups, `if name == "Old"` chains, tombstones
that raise for a removed name, and lazy facades that deprecate nothing."""

from __future__ import annotations

import ast

from ssot_registry.adopt.evaluate import dict_items, evaluate
from ssot_registry.adopt.found import Found, warn_call
from ssot_registry.adopt.source import UNKNOWN, ModuleSource, call_name
from ssot_registry.adopt.tables import record_tombstone
from ssot_registry.sources.toplevel import resolve_relative

__all__ = ["recognise_getattr"]


def _equals(test: ast.expr, parameter: str, source: ModuleSource) -> list[str]:
    """Names tested by `name == "X"` or `name in ("X", "Y")`."""
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.left, ast.Name)
        and test.left.id == parameter
    ):
        return []
    value = evaluate(test.comparators[0], source)
    if isinstance(test.ops[0], ast.Eq) and isinstance(value, str):
        return [value]
    if isinstance(test.ops[0], ast.In) and isinstance(value, (tuple, frozenset)):
        return sorted(v for v in value if isinstance(v, str))
    return []


def recognise_getattr(found: Found) -> None:
    """`def __getattr__(name)` at module level: dict lookups, tombstones, facades, or SSOT401."""
    source = found.source
    for node in source.tree.body:
        if not (
            isinstance(node, ast.FunctionDef) and node.name == "__getattr__" and node.args.args
        ):
            continue
        parameter = node.args.args[0].arg
        tables = {
            n.id
            for n in ast.walk(node)
            if isinstance(n, ast.Name)
            and isinstance(source.bindings.get(n.id), (ast.Dict, ast.DictComp))
        }
        warns = [w for n in ast.walk(node) if (w := warn_call(n, source)) is not None]
        understood = False
        for table in sorted(tables):
            understood |= _lookup_table(found, node, table, parameter, bool(warns))
        for branch in (n for n in ast.walk(node) if isinstance(n, ast.If)):
            raised = [n for n in branch.body if isinstance(n, ast.Raise)]
            for name in _equals(branch.test, parameter, source) if raised else []:
                message = _raise_message(
                    raised[0], source, _locals(branch, source, {parameter: name})
                )
                record_tombstone(
                    found,
                    f"{source.module}:{name}",
                    message,
                    line=branch.lineno,
                    what=f"__getattr__ raises for {name!r}",
                )
                understood = True
        understood |= _if_chain(found, node, parameter)
        calls_helper = any(
            isinstance(n, ast.Call) and n.lineno in found.handled for n in ast.walk(node)
        )
        if warns and not understood and not calls_helper and node.lineno not in found.handled:
            found.fail(
                node.lineno,
                "module __getattr__ warns but looks names up in no dict "
                "literal of paths that adopt can read",
            )


def _warns(
    node: ast.stmt, source: ModuleSource, names: dict[str, object]
) -> tuple[bool, str | None, str]:
    """(warns, message, category) of a statement: `warnings.warn(...)` or a call to a helper
    whose name says it warns (`_warn_on_import(...)`)."""
    warned = warn_call(node, source, names)
    if warned is not None:
        return True, warned.message, warned.category
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        name = call_name(node.value).rpartition(".")[2].lower()
        return "warn" in name or "deprecat" in name, None, ""
    return False, None, ""


def _if_chain(found: Found, function: ast.FunctionDef, parameter: str) -> bool:
    """`if name == "Old": warn(...); return New`: an alias to what `New` is bound to."""
    source = found.source
    defined = {
        n.name
        for n in source.tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }
    understood = False
    for branch in (n for n in ast.walk(function) if isinstance(n, ast.If)):
        names = _equals(branch.test, parameter, source)
        last = branch.body[-1] if branch.body else None
        if (
            len(names) != 1
            or not isinstance(last, ast.Return)
            or not isinstance(last.value, ast.Name)
        ):
            continue
        warnings_ = [_warns(s, source, {parameter: names[0]}) for s in branch.body[:-1]]
        if not any(w[0] for w in warnings_):
            continue
        message = next((w[1] for w in warnings_ if w[0]), None)
        category = next((w[2] for w in warnings_ if w[0]), "")
        local = {}
        for statement in branch.body:
            if isinstance(statement, ast.ImportFrom):
                base = resolve_relative(source.package, statement.module, statement.level)
                local.update({a.asname or a.name: f"{base}:{a.name}" for a in statement.names})
        returned = last.value.id
        target = (
            local.get(returned)
            or source.imported.get(returned)
            or (f"{source.module}:{returned}" if returned in defined else None)
        )
        warn_line = next((s.lineno for s in branch.body if _warns(s, source, {})[0]), branch.lineno)
        found.alias(
            f"{source.module}:{names[0]}",
            target or UNKNOWN,
            "getattr",
            branch.lineno,
            end_line=branch.end_lineno or branch.lineno,
            what=f"__getattr__ branch for {names[0]!r}",
            reason=message,
            stated=found.versions(message, names=(category,), line=warn_line),
        )
        understood = True
    return understood


def _locals(branch: ast.If, source: ModuleSource, names: dict[str, object]) -> dict[str, object]:
    """Names assigned constant values in the branch (`msg = "..."`), with the tested name."""
    known = dict(names)
    for node in branch.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            value = evaluate(node.value, source, known)
            if value is not UNKNOWN:
                known[node.targets[0].id] = value
    return known


def _raise_message(node: ast.Raise, source: ModuleSource, names: dict[str, object]) -> str | None:
    if isinstance(node.exc, ast.Call) and node.exc.args:
        text = evaluate(node.exc.args[0], source, names)
        return text if isinstance(text, str) else None
    return None


def _target(value: object, key: str, package: str, module_valued: bool) -> object:
    """The import path a table value names: `(module, name[, deprecated])` or a dotted path."""
    if (
        isinstance(value, tuple)
        and len(value) in (2, 3)
        and all(isinstance(v, str) for v in value[:2])
    ):
        module, name = value[0], value[1]
        if module.startswith("."):
            level = len(module) - len(module.lstrip("."))
            module = resolve_relative(package, module[level:] or None, level) or ""
        return f"{module}:{name}" if name else module
    if not isinstance(value, str):
        return UNKNOWN
    last = value.rpartition(".")[2]
    attribute = ":" in value or (not module_valued and (last == key or last[:1].isupper()))
    return value if attribute else f"{value}:{key}"


def _deprecated_flag(value: object) -> bool:
    """False for a `(module, name, False)` entry: served lazily, not deprecated."""
    return not (isinstance(value, tuple) and len(value) == 3 and value[2] is False)


def _lookup_table(
    found: Found, function: ast.FunctionDef, table: str, parameter: str, warns: bool
) -> bool:
    source = found.source
    items = dict_items(source.bindings[table], source) or []
    if not items or not all(
        isinstance(i.key, str) and isinstance(i.value, (str, tuple)) for i in items
    ):
        return False
    deprecated = [item for item in items if warns and _deprecated_flag(item.value)]
    if len(deprecated) < len(items):
        found.facade(
            function.lineno,
            len(items) - len(deprecated),
            f"__getattr__ serves {table} lazily without a warning",
        )
    joins_name = any(
        isinstance(n, ast.FormattedValue)
        and isinstance(n.value, ast.Name)
        and n.value.id == parameter
        for n in ast.walk(function)
    )
    category = next(
        (w.category for n in ast.walk(function) if (w := warn_call(n, source)) is not None), ""
    )
    for item in deprecated:
        target = _target(item.value, str(item.key), source.package, joins_name)
        reason = _warn_with(function, source, table, {parameter: item.key}, item.value)
        found.table_entry(
            f"{source.module}:{item.key}",
            target,
            "getattr",
            item,
            what=f"{table}[{item.key!r}]",
            reason=reason,
            names=(category, table),
        )
    return True


def _bound_from_table(function: ast.FunctionDef, table: str, value: object) -> dict[str, object]:
    """Names the function binds from its table entry: `x = T[name]`, `a, b = T.get(name)`."""
    bound: dict[str, object] = {}
    for node in ast.walk(function):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        looked_up = node.value
        if isinstance(looked_up, ast.Call) and isinstance(looked_up.func, ast.Attribute):
            looked_up = looked_up.func.value
        elif isinstance(looked_up, ast.Subscript):
            looked_up = looked_up.value
        if not (isinstance(looked_up, ast.Name) and looked_up.id == table):
            continue
        target = node.targets[0]
        if isinstance(target, ast.Name):
            bound[target.id] = value
        elif (
            isinstance(target, ast.Tuple)
            and isinstance(value, tuple)
            and len(target.elts) == len(value)
        ):
            for element, part in zip(target.elts, value, strict=True):
                if isinstance(element, ast.Name):
                    bound[element.id] = part
    return bound


def _warn_with(
    function: ast.FunctionDef,
    source: ModuleSource,
    table: str,
    names: dict[str, object],
    value: object,
) -> str | None:
    """The message of the warning the function emits for this entry: one that uses the
    entry's looked-up values wins over one that only names the key."""
    bound = _bound_from_table(function, table, value)
    fallback = None
    for node in ast.walk(function):
        warned = warn_call(node, source, {**names, **bound})
        if warned is None or warned.message is None:
            continue
        uses = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        if uses & set(bound):
            return warned.message
        fallback = fallback or warned.message
    return fallback

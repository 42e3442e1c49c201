"""A small static evaluator: the value of constant expressions, never executing anything.

String constants, f-strings over known names, `+` of strings, dict / set /
tuple literals (with `**other` splats) and a comprehension over a literal are
evaluated; anything else is `UNKNOWN`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from ssot_registry.adopt.source import UNKNOWN, ModuleSource, Value

__all__ = ["DictItem", "dict_items", "evaluate"]

_MAX_DEPTH = 20


@dataclass(frozen=True, slots=True)
class _Context:
    source: ModuleSource
    names: dict[str, Value]
    depth: int

    def deeper(self, node: ast.expr, names: dict[str, Value] | None = None) -> Value:
        return evaluate(node, self.source, self.names if names is None else names, self.depth + 1)


def evaluate(
    node: ast.expr | None,
    source: ModuleSource,
    names: dict[str, Value] | None = None,
    depth: int = 0,
) -> Value:
    """The value of a constant expression, or UNKNOWN."""
    if node is None or depth > _MAX_DEPTH:
        return UNKNOWN
    handler = _HANDLERS.get(type(node))
    return handler(node, _Context(source, names or {}, depth)) if handler else UNKNOWN


def _constant(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, ast.Constant)
    return node.value


def _name(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, ast.Name)
    if node.id in context.names:
        return context.names[node.id]
    if node.id == "__name__":
        return context.source.module
    if node.id == "__package__":
        return context.source.package
    bound = context.source.bindings.get(node.id)
    return context.deeper(bound, {}) if bound is not None else UNKNOWN


def _joined(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, ast.JoinedStr)
    pieces = []
    for part in node.values:
        formatted = isinstance(part, ast.FormattedValue)
        if isinstance(part, ast.FormattedValue) and part.format_spec is not None:
            return UNKNOWN
        value = context.deeper(part.value if isinstance(part, ast.FormattedValue) else part)
        if value is UNKNOWN:
            return UNKNOWN
        as_repr = formatted and getattr(part, "conversion", -1) == ord("r")
        pieces.append(repr(value) if as_repr else str(value))
    return "".join(pieces)


def _add(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, ast.BinOp)
    if not isinstance(node.op, ast.Add):
        return UNKNOWN
    left, right = context.deeper(node.left), context.deeper(node.right)
    if isinstance(left, str) and isinstance(right, str):
        return left + right
    return UNKNOWN


def _sequence(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, (ast.Tuple, ast.List, ast.Set))
    items = [context.deeper(item) for item in node.elts]
    if any(item is UNKNOWN for item in items):
        return UNKNOWN
    return frozenset(items) if isinstance(node, ast.Set) else tuple(items)


def _mapping(node: ast.AST, context: _Context) -> Value:
    assert isinstance(node, (ast.Dict, ast.DictComp, ast.SetComp))
    entries = dict_items(node, context.source, context.depth + 1)
    if entries is None:
        return UNKNOWN
    if isinstance(node, ast.SetComp):
        return frozenset(entry.key for entry in entries)
    return {entry.key: entry.value for entry in entries}


_HANDLERS: dict[type[ast.AST], Callable[[ast.AST, _Context], Value]] = {
    ast.Constant: _constant,
    ast.Name: _name,
    ast.JoinedStr: _joined,
    ast.BinOp: _add,
    ast.Tuple: _sequence,
    ast.List: _sequence,
    ast.Set: _sequence,
    ast.Dict: _mapping,
    ast.DictComp: _mapping,
    ast.SetComp: _mapping,
}


@dataclass(frozen=True, slots=True)
class DictItem:
    """One entry of a statically evaluated dict (or set) literal and its line."""

    key: Value
    value: Value
    line: int
    end_line: int


def dict_items(node: ast.expr, source: ModuleSource, depth: int = 0) -> list[DictItem] | None:
    """The entries of a dict / set literal or comprehension (splats followed); None if unknown."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, ast.Name) and node.id in source.bindings:
        return dict_items(source.bindings[node.id], source, depth + 1)
    if isinstance(node, ast.Set):
        return [
            DictItem(evaluate(item, source), None, item.lineno, item.end_lineno or item.lineno)
            for item in node.elts
        ]
    if isinstance(node, ast.Dict):
        return _dict_entries(node, source, depth)
    if isinstance(node, (ast.DictComp, ast.SetComp)):
        return _comprehension(node, source)
    return None


def _dict_entries(node: ast.Dict, source: ModuleSource, depth: int) -> list[DictItem] | None:
    found: list[DictItem] = []
    for key, value in zip(node.keys, node.values, strict=True):
        if key is None:  # {**other}
            nested = dict_items(value, source, depth + 1)
            if nested is None:
                return None
            found.extend(nested)
            continue
        found.append(
            DictItem(
                evaluate(key, source),
                evaluate(value, source),
                key.lineno,
                value.end_lineno or value.lineno,
            )
        )
    return found


def _comprehension(node: ast.DictComp | ast.SetComp, source: ModuleSource) -> list[DictItem] | None:
    if len(node.generators) != 1:
        return None
    generator = node.generators[0]
    if generator.ifs or generator.is_async or not isinstance(generator.target, ast.Name):
        return None
    iterable = evaluate(generator.iter, source)
    if not isinstance(iterable, (tuple, frozenset)):
        return None
    found = []
    end = node.end_lineno or node.lineno
    for item in sorted(iterable, key=str) if isinstance(iterable, frozenset) else iterable:
        names = {generator.target.id: item}
        if isinstance(node, ast.DictComp):
            key, value = evaluate(node.key, source, names), evaluate(node.value, source, names)
        else:
            key, value = evaluate(node.elt, source, names), None
        found.append(DictItem(key, value, node.lineno, end))
    return found

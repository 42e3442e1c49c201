"""Dialects that look names up in a dict literal of paths: LangChain, Airflow, websockets, wagtail.

Each is recognised by the call that installs it (`create_importer`,
`add_deprecated_classes`, `lazy_import`, `MovedDefinitionHandler`); the dict is
read statically, entry by entry, with its line.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator

from ssot_registry.adopt.evaluate import DictItem, dict_items, evaluate
from ssot_registry.adopt.found import Found
from ssot_registry.adopt.source import UNKNOWN, ModuleSource, call_name
from ssot_registry.adopt.versions import Stated
from ssot_registry.sources.toplevel import resolve_relative, statements

__all__ = ["HELPERS", "recognise_lookups"]

HELPERS = frozenset(
    {"create_importer", "add_deprecated_classes", "lazy_import", "MovedDefinitionHandler"}
)


def _calls(source: ModuleSource) -> Iterator[ast.Call]:
    """Calls made by module-level statements (`f(...)`, `x = f(...)`), not inside functions."""
    for statement in statements(source.tree.body):
        node = statement.node
        if isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign)) and isinstance(
            node.value, ast.Call
        ):
            yield node.value


def _argument(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    return call.args[index] if len(call.args) > index else None


def _table_name(node: ast.expr | None) -> str:
    return node.id if isinstance(node, ast.Name) else ""


def _comment_in_table(found: Found, table: ast.expr | None, line: int) -> Stated:
    """Versions from the nearest comment above `line` inside the table (groups share one)."""
    source = found.source
    start = _table_node(source, table)
    first = start.lineno if start is not None else line
    for candidate in range(line, first - 1, -1):
        comment = source.comment_near(candidate)
        if comment:
            return found.versions(comment, names=(_table_name(table),))
    return found.versions(names=(_table_name(table),))


def _table_node(source: ModuleSource, node: ast.expr | None) -> ast.expr | None:
    if isinstance(node, ast.Name):
        return source.bindings.get(node.id)
    return node


def recognise_lookups(found: Found) -> None:
    """Record the entries of every dict-lookup dialect installed at module level."""
    for call in _calls(found.source):
        name = call_name(call).rpartition(".")[2]
        if name == "create_importer":
            _langchain(found, call)
        elif name == "add_deprecated_classes":
            _airflow(found, call)
        elif name == "lazy_import":
            _websockets(found, call)
        elif name == "MovedDefinitionHandler":
            _wagtail(found, call)


def _items(found: Found, call: ast.Call, node: ast.expr | None, what: str) -> list[DictItem]:
    if node is None:
        return []
    items = dict_items(node, found.source)
    if items is None:
        found.fail(call.lineno, f"{what} is not a dict literal; adopt reads tables statically")
        return []
    return items


def _langchain(found: Found, call: ast.Call) -> None:
    source = found.source
    found.handled.add(call.lineno)
    table = _argument(call, 99, "deprecated_lookups")
    for item in _items(found, call, table, "create_importer(deprecated_lookups=...)"):
        if not isinstance(item.key, str):
            found.fail(item.line, "a deprecated_lookups key is not a constant name")
            continue
        target = f"{item.value}:{item.key}" if isinstance(item.value, str) else UNKNOWN
        found.alias(
            f"{source.module}:{item.key}",
            target,
            "langchain",
            item.line,
            end_line=item.end_line,
            what=f"{_table_name(table) or 'deprecated_lookups'}[{item.key!r}]",
            stated=_comment_in_table(found, table, item.line),
        )
    lookup = _argument(call, 99, "module_lookup")
    if lookup is not None:
        items = dict_items(lookup, source) or []
        found.facade(
            call.lineno,
            len(items),
            "create_importer(module_lookup=...) serves names lazily without a warning",
        )
    fallback = _argument(call, 99, "fallback_module")
    if fallback is not None:
        found.fail(
            call.lineno,
            f"create_importer(fallback_module={evaluate(fallback, source)!r}) "
            "serves any name of that module; list the names in deprecated_lookups "
            "or write the aliases by hand",
        )


def _airflow(found: Found, call: ast.Call) -> None:
    source = found.source
    found.handled.add(call.lineno)
    package = evaluate(_argument(call, 1, "package"), source)
    extra = evaluate(_argument(call, 3, "extra_message"), source)
    reason = extra if isinstance(extra, str) and extra else None
    table = _table_node(source, _argument(call, 0, "module_imports"))
    if not isinstance(package, str) or not isinstance(table, ast.Dict):
        found.fail(
            call.lineno,
            "add_deprecated_classes(...): the table or the package is not "
            "a constant; adopt reads them statically",
        )
        return
    for key, value in zip(table.keys, table.values, strict=True):
        submodule = evaluate(key, source) if key is not None else UNKNOWN
        inner = dict_items(value, source)
        if not isinstance(submodule, str) or inner is None:
            found.fail(
                value.lineno,
                "an entry of the deprecated-classes table is not a "
                "constant 'module': {'Name': 'path'} pair",
            )
            continue
        for item in inner:
            found.table_entry(
                f"{package}.{submodule}:{item.key}",
                item.value,
                "airflow",
                item,
                what=f"__deprecated_classes[{submodule!r}][{item.key!r}]",
                reason=reason,
            )


def _websockets(found: Found, call: ast.Call) -> None:
    source = found.source
    found.handled.add(call.lineno)
    aliases = _argument(call, 1, "aliases")
    if aliases is not None:
        found.facade(
            call.lineno,
            len(dict_items(aliases, source) or []),
            "lazy_import(aliases=...) serves names lazily without a warning",
        )
    table = _argument(call, 2, "deprecated_aliases")
    for item in _items(found, call, table, "lazy_import(deprecated_aliases=...)"):
        if not isinstance(item.key, str) or not isinstance(item.value, str):
            found.fail(item.line, "a deprecated_aliases entry is not a constant name and module")
            continue
        level = len(item.value) - len(item.value.lstrip("."))
        base = resolve_relative(source.package, item.value[level:] or None, level)
        if base is None:
            found.fail(item.line, f"{item.value!r} leaves the top-level package")
            continue
        stated = _comment_in_table(found, table, item.line)
        what = f"deprecated_aliases[{item.key!r}]"
        if _module_exists(source, f"{base}.{item.key}"):  # the name is a submodule
            found.alias(
                f"{source.module}.{item.key}",
                f"{base}.{item.key}",
                "websockets",
                item.line,
                what=what,
                stated=stated,
            )
        else:
            found.alias(
                f"{source.module}:{item.key}",
                f"{base}:{item.key}",
                "websockets",
                item.line,
                what=what,
                stated=stated,
            )


def _wagtail(found: Found, call: ast.Call) -> None:
    source = found.source
    found.handled.add(call.lineno)
    table = _argument(call, 1, "moved_definitions")
    category = call_name(_argument(call, 2, "warning_class") or ast.Constant(None))
    for item in _items(found, call, table, "MovedDefinitionHandler(moved_definitions)"):
        value = item.value
        if isinstance(value, tuple) and len(value) == 2:
            target: object = f"{value[0]}:{value[1]}"
        elif isinstance(value, str):
            target = f"{value}:{item.key}"
        else:
            target = UNKNOWN
        found.table_entry(
            f"{source.module}:{item.key}",
            target,
            "wagtail",
            item,
            what=f"{_table_name(table) or 'MOVED_DEFINITIONS'}[{item.key!r}]",
            names=(category,),
        )


def _module_exists(source: ModuleSource, module: str) -> bool:
    """Whether `module` is a file or package next to the file being read (same tree)."""
    depth = source.module.count(".") + (1 if source.is_package else 0)
    root = os.path.dirname(source.path)
    for _ in range(depth):
        root = os.path.dirname(root)
    base = os.path.join(root, *module.split("."))
    return os.path.isfile(base + ".py") or os.path.isfile(os.path.join(base, "__init__.py"))

"""The shapes of code `scan` recognises by name: call forms (`mock.patch`, `import_module`,
`monkeypatch.setattr`), their target keywords, and attribute chains (`a.b.c`)."""

from __future__ import annotations

import ast

__all__ = [
    "MODULE_FORMS",
    "PATCH_FORMS",
    "SETATTR_FORMS",
    "TARGET_KEYWORDS",
    "attribute_chain",
    "call_form",
    "returns_top",
]

PATCH_FORMS = {("patch",), ("patch", "dict"), ("patch", "multiple")}
MODULE_FORMS = {("import_module",), ("importorskip",), ("__import__",)}
SETATTR_FORMS = {("setattr",), ("delattr",)}
TARGET_KEYWORDS = {"target", "in_dict", "name", "modname"}

_LONGEST = 100  # names in an attribute chain; no registry path comes near


def attribute_chain(node: ast.expr) -> tuple[str, list[str]] | None:
    """`a.b.c` as ("a", ["b", "c"]); None unless a pure chain of at most `_LONGEST` names.

    Every attribute of a chain is looked at (from its own node), so the bound
    keeps a pathological `x.a.a.a…` of thousands linear; its start is still read.
    """
    attributes: list[str] = []
    while isinstance(node, ast.Attribute):
        attributes.append(node.attr)
        node = node.value
        if len(attributes) > _LONGEST:
            return None
    if not isinstance(node, ast.Name):
        return None
    attributes.reverse()
    return node.id, attributes


def call_form(func: ast.expr) -> tuple[str, ...]:
    """The last one or two names of a called function (`mock.patch.dict` -> ("patch", "dict"))."""
    names: list[str] = []
    while isinstance(func, ast.Attribute) and len(names) < 2:
        names.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name) and len(names) < 2:
        names.append(func.id)
    return tuple(reversed(names))


def returns_top(node: ast.Call, old: str, new: str) -> bool:
    """True when `__import__(old)` returns a top-level package other than `__import__(new)`'s."""
    fromlist = len(node.args) >= 4 or any(keyword.arg == "fromlist" for keyword in node.keywords)
    return not fromlist and old.partition(".")[0] != new.partition(".")[0]

"""What the recognisers of one file found, and the helpers they share to record it."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ssot_registry.adopt.evaluate import DictItem, evaluate
from ssot_registry.adopt.model import Dialect, Facade, NotUnderstood, Proposal, ShimLines
from ssot_registry.adopt.source import UNKNOWN, ModuleSource, Value, call_name
from ssot_registry.adopt.versions import Stated, from_class_name, from_text, merge
from ssot_registry.registry import ImportPath

__all__ = ["Found", "WarnCall", "warn_call"]

_WARN_CALLS = frozenset({"warnings.warn", "warn", "_warnings.warn", "warnings.warn_explicit"})


@dataclass(frozen=True, slots=True)
class WarnCall:
    """A `warnings.warn(message, Category)` call: its message (if constant) and category."""

    message: str | None
    category: str
    line: int


def warn_call(
    node: ast.AST, source: ModuleSource, names: dict[str, Value] | None = None
) -> WarnCall | None:
    """The warning a statement or expression emits, if it is a `warnings.warn(...)` call."""
    if isinstance(node, ast.Expr):
        node = node.value
    if not isinstance(node, ast.Call) or call_name(node) not in _WARN_CALLS:
        return None
    message_node = node.args[0] if node.args else None
    category_node = node.args[1] if len(node.args) > 1 else None
    for keyword in node.keywords:
        if keyword.arg == "message":
            message_node = keyword.value
        elif keyword.arg == "category":
            category_node = keyword.value
    message = evaluate(message_node, source, names) if message_node is not None else None
    category = call_name(category_node) if category_node is not None else "UserWarning"
    return WarnCall(message if isinstance(message, str) else None, category, node.lineno)


@dataclass
class Found:
    """Proposals, facades and shims not understood, found in one source file."""

    source: ModuleSource
    proposals: list[Proposal] = field(default_factory=list)
    not_understood: list[NotUnderstood] = field(default_factory=list)
    facades: list[Facade] = field(default_factory=list)
    handled: set[int] = field(default_factory=set)

    def versions(self, *texts: str | None, names: tuple[str, ...] = (), line: int = 0) -> Stated:
        """Versions stated by messages, class or table names and the comment at `line`."""
        stated = [from_text(text) for text in texts]
        stated += [from_class_name(name) for name in names if name]
        if line:
            stated.append(from_text(self.source.comment_near(line)))
        return merge(*stated)

    def alias(
        self,
        old: str,
        new: Value,
        dialect: Dialect,
        line: int,
        *,
        end_line: int = 0,
        what: str = "",
        reason: str | None = None,
        stated: Stated | None = None,
        mode: str = "reexport",
    ) -> None:
        """Record `old -> new` (module or attribute paths); SSOT401 when `new` is not a path."""
        if new is UNKNOWN or not isinstance(new, str):
            self.fail(line, f"{old}: the target is not a constant import path")
            return
        try:
            old_path, new_path = ImportPath.parse(old), ImportPath.parse(_colon(new, old))
        except ValueError as error:
            self.fail(line, f"{old}: {error}")
            return
        if old_path == new_path:
            return
        if old_path.is_module != new_path.is_module:
            self.fail(line, f"{old} -> {new}: one side is a module, the other an attribute")
            return
        # a warning's 'removed in X' announces the removal: remove_in, not removed_in
        given = stated or Stated()
        stated = merge(Stated(since=given.since, remove_in=given.remove_in or given.removed_in))
        first = 1 if what.startswith("whole module") else line
        shim = ShimLines(self.source.path, first, end_line or line, what or str(old_path))
        self.proposals.append(
            Proposal(
                old_path,
                new_path,
                since=stated.since,
                remove_in=stated.remove_in,
                reason=reason,
                mode="wrap" if mode == "wrap" else "reexport",
                line=line,
                dialect=dialect,
                file=self.source.path,
                shim=shim,
            )
        )

    def table_entry(
        self,
        old: str,
        new: Value,
        dialect: Dialect,
        item: DictItem,
        *,
        what: str,
        reason: str | None = None,
        names: tuple[str, ...] = (),
    ) -> None:
        """Record the alias one table entry states; versions from its message, `names` and the
        comment at its line."""
        self.alias(
            old,
            new,
            dialect,
            item.line,
            end_line=item.end_line,
            what=what,
            reason=reason,
            stated=self.versions(reason, names=names, line=item.line),
        )

    def tombstone(
        self, old: str, new: str, *, removed_in: str, line: int, reason: str | None, what: str
    ) -> None:
        """Record a removed name that explains where to go instead."""
        try:
            old_path, new_path = ImportPath.parse(old), ImportPath.parse(_colon(new, old))
        except ValueError as error:
            self.fail(line, f"{old}: {error}")
            return
        shim = ShimLines(self.source.path, line, line, what)
        self.proposals.append(
            Proposal(
                old_path,
                new_path,
                removed_in=removed_in,
                reason=reason,
                line=line,
                dialect="tombstone",
                file=self.source.path,
                shim=shim,
            )
        )

    def fail(self, line: int, why: str) -> None:
        """SSOT401 at `line` of this file."""
        self.not_understood.append(NotUnderstood(self.source.path, line, why))

    def facade(self, line: int, names: int, why: str) -> None:
        """Names served lazily without a deprecation: reported, never adopted."""
        self.facades.append(Facade(self.source.path, line, self.source.module, names, why))


def _colon(new: str, old: str) -> str:
    """`pkg.mod.Name` -> `pkg.mod:Name` when `old` is an attribute path (the split shims use)."""
    if ":" in new or ":" not in old:
        return new
    module, _, name = new.rpartition(".")
    return f"{module}:{name}" if module else new

"""A module's source read statically: its name, top-level bindings, imports and comments."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field

from ssot_registry.sources.toplevel import package_of, resolve_relative, statements

__all__ = [
    "UNKNOWN",
    "ModuleSource",
    "Value",
    "call_name",
    "is_dotted",
]


class _Unknown:
    """What the static evaluator returns for an expression it cannot evaluate."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()

Value = object


@dataclass
class ModuleSource:
    """One parsed source file and what its top level binds."""

    path: str
    module: str
    is_package: bool
    text: str
    tree: ast.Module
    bindings: dict[str, ast.expr] = field(default_factory=dict)
    imported: dict[str, str] = field(default_factory=dict)
    comments: dict[int, str] | None = None

    @classmethod
    def parse(cls, path: str, module: str, is_package: bool, text: str) -> ModuleSource:
        """Parse `text` (SyntaxError propagates) and index its top-level bindings."""
        tree = ast.parse(text, filename=path)
        source = cls(path, module, is_package, text, tree)
        for statement in statements(tree.body):
            node = statement.node
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        source.bindings[target.id] = node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                if isinstance(node.target, ast.Name):
                    source.bindings[node.target.id] = node.value
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                source._bind_import(node)
        return source

    def _bind_import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.ImportFrom):
            base = resolve_relative(self.package, node.module, node.level)
            for alias in node.names:
                if base is not None and alias.name != "*":
                    self.imported[alias.asname or alias.name] = f"{base}:{alias.name}"
            return
        for alias in node.names:
            if alias.asname:
                self.imported[alias.asname] = alias.name
            else:
                head = alias.name.partition(".")[0]
                self.imported[head] = head

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return package_of(self.module, self.is_package)

    def comment_near(self, line: int) -> str:
        """The comment on `line` and the comment lines right above it, joined."""
        comments = self._comments()
        found = [comments[line]] if line in comments else []
        above = line - 1
        while above in comments and self._only_comment(above):
            found.insert(0, comments[above])
            above -= 1
        return " ".join(found)

    def _only_comment(self, line: int) -> bool:
        return self._comments().get(-line) is not None

    def _comments(self) -> dict[int, str]:
        """Comments by line (a line holding only a comment is also keyed by its negative).

        A light lexer: quotes on the line are skipped, so a `#` inside a one-line string is
        no comment (a `#` inside a multi-line string may be taken for one: harmless here).
        """
        if self.comments is None:
            self.comments = {}
            if "#" in self.text:
                for number, line in enumerate(self.text.splitlines(), 1):
                    if "#" in line:
                        self._comment_of(number, line)
        return self.comments

    def _comment_of(self, number: int, line: str) -> None:
        assert self.comments is not None
        quote = ""
        for index, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char == "#":
                self.comments[number] = line[index + 1 :].strip()
                if not line[:index].strip():
                    self.comments[-number] = line[index + 1 :].strip()
                return


def call_name(node: ast.expr) -> str:
    """`f`, `mod.f` or `a.b.f` for a call's function; '' for anything else."""
    if isinstance(node, ast.Call):
        node = node.func
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.insert(0, node.id)
        return ".".join(parts)
    return ""


_DOTTED = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")


def is_dotted(value: Value) -> bool:
    """True for a `pkg.mod` / `pkg.mod.Name` string."""
    return isinstance(value, str) and bool(_DOTTED.match(value))

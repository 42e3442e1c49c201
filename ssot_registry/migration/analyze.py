"""Find every use of a deprecated path in one parsed file and plan its rewrite.

Reads the file's `ast` only (never imports it). Import statements go to the
planner (`planner.py`, shared with the text path), which records the names they
bind; this module then looks at attribute chains and the SSOT102 string forms
(`__lazy_modules__` entries included), but only inside statements on lines where
the text pre-filter saw a deprecated name.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left

from ssot_registry.migration.edits import Edit, node_span
from ssot_registry.migration.forms import (
    MODULE_FORMS,
    PATCH_FORMS,
    SETATTR_FORMS,
    TARGET_KEYWORDS,
    attribute_chain,
    call_form,
    returns_top,
)
from ssot_registry.migration.imports import read_statement
from ssot_registry.migration.index import Match, PathIndex
from ssot_registry.migration.lazy import lazy_module_strings, shift_lazy
from ssot_registry.migration.planner import ImportPlanner, ImportStatement, UnsureError, Use
from ssot_registry.migration.source import Source

__all__ = ["Binding", "FileAnalysis", "Use"]

_BODIES = ("body", "orelse", "finalbody", "handlers")


class Binding:
    """A name bound by an import: the dotted path it stands for, and whether that is deprecated."""

    __slots__ = ("_deprecated", "index", "path", "statement")

    def __init__(self, path: str, statement: ImportStatement, index: PathIndex) -> None:
        self.path = path
        self.statement = statement
        self.index = index
        self._deprecated: bool | None = None

    @property
    def deprecated(self) -> bool:
        """True when the path itself is deprecated (its import is the finding, not its uses)."""
        if self._deprecated is None:
            path = self.path
            self._deprecated = self.index.match_module(path) is not None or (
                "." in path and self.index.match_exact(path) is not None
            )
        return self._deprecated


class FileAnalysis:
    """The uses of deprecated paths in one file, with the edits that migrate them."""

    def __init__(
        self,
        source: Source,
        tree: ast.Module,
        index: PathIndex,
        module: str | None,
        *,
        is_package: bool,
    ) -> None:
        # lazy imports read as plain ones, at the same offsets (`lazy.py`)
        self.source, self.lazy_starts = shift_lazy(source)
        self.tree = tree
        self.parsed = True  # False on the text path: the tree facts raise `UnsureError`
        self.index = index
        self.module = module
        self.is_package = is_package
        self.uses: list[Use] = []
        self.bindings: dict[str, list[Binding]] = {}
        self.imported_modules: set[str] = set()
        self.planner = ImportPlanner(self, [])
        self._assigned: set[str] | None = None
        self._loads: dict[str, int] | None = None
        self._mentions: dict[str, bool] = {}
        self.needle_lines: list[int] = []

    # -- helpers ------------------------------------------------------------------

    def use_at(self, offset: int, code: str, match: Match) -> Use:
        """A use at `offset` of the path `match` found."""
        line = self.source.line_of(offset)
        col = self.source.column(line, offset - self.source.starts[line - 1])
        if match.entry.external:
            code = "SSOT103"
        use = Use(line, col, code, match.entry, match.old_dotted, match.new_dotted)
        self.uses.append(use)
        return use

    def new_use(self, node: ast.AST, code: str, match: Match) -> Use:
        """A use at `node` of the path `match` found."""
        line = node.lineno  # type: ignore[attr-defined]
        return self.use_at(self.source.offset(line, node.col_offset), code, match)  # type: ignore[attr-defined]

    def assigned_names(self) -> set[str]:
        """Names the file binds other than by imports (defs, classes, assignments, arguments)."""
        if not self.parsed:
            raise UnsureError
        if self._assigned is None:
            names: set[str] = set()
            for node in ast.walk(self.tree):
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    names.add(node.id)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names.add(node.name)
                elif isinstance(node, ast.arg):
                    names.add(node.arg)
                elif isinstance(node, ast.ExceptHandler) and node.name:
                    names.add(node.name)
            self._assigned = names
        return self._assigned

    def mentions(self, name: str) -> bool:
        """Cheap text test: does the identifier `name` occur anywhere in the file?"""
        known = self._mentions.get(name)
        if known is None:
            raw = name.encode()
            known = raw in self.source.data and (
                re.search(rb"\b%s\b" % re.escape(raw), self.source.data) is not None
            )
            self._mentions[name] = known
        return known

    def load_count(self, name: str) -> int:
        """How many times the file reads the name `name`."""
        if not self.parsed:
            raise UnsureError
        if self._loads is None:
            loads: dict[str, int] = {}
            for node in ast.walk(self.tree):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    loads[node.id] = loads.get(node.id, 0) + 1
            self._loads = loads
        return self._loads.get(name, 0)

    def top_still_needed(self, statement: ImportStatement, name: str) -> bool:
        """True when the file reads the top-level name of `name` for more than the old module."""
        top, _, rest = name.partition(".")
        others = [b for b in self.bindings.get(top, ()) if b.statement is not statement]
        if others or self.load_count(top) == 0:
            return False
        second = rest.partition(".")[0]
        through = sum(
            1
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == top
            and node.attr == second
        )
        return through < self.load_count(top)

    def bind(self, name: str, path: str, statement: ImportStatement) -> None:
        """Record that an import binds `name` to the dotted `path`."""
        self.bindings.setdefault(name, []).append(Binding(path, statement, self.index))

    def resolve_base(self, name: str) -> Binding | None:
        """The one import binding of `name` (None when unbound or bound to different paths)."""
        found = self.bindings.get(name)
        if not found or any(binding.path != found[0].path for binding in found):
            return None
        return found[0]

    def on_needle_line(self, first: int, last: int) -> bool:
        """True when a line in [first, last] holds a name the pre-filter looks for."""
        lines = self.needle_lines
        position = bisect_left(lines, first)
        return position < len(lines) and lines[position] <= last

    # -- the walk ---------------------------------------------------------------

    def statements(self) -> list[ast.stmt | ast.ExceptHandler]:
        """Every statement of the file, nested ones included, in source order."""
        found: list[ast.stmt | ast.ExceptHandler] = []
        pending: list[ast.AST] = [self.tree]
        while pending:
            node = pending.pop()
            for name in _BODIES:
                children = getattr(node, name, None)
                if children:
                    for child in children:
                        if isinstance(child, (ast.stmt, ast.ExceptHandler)):
                            found.append(child)
                        if name != "handlers":
                            pending.append(child)
            for name in ("handlers", "cases"):
                pending.extend(getattr(node, name, None) or ())
        found.sort(key=lambda statement: (statement.lineno, statement.col_offset))
        return found

    def expressions(self, statement: ast.stmt | ast.ExceptHandler) -> list[ast.AST]:
        """The expression parts of `statement` that sit on lines with a candidate name."""
        roots: list[ast.AST] = []
        for name, value in ast.iter_fields(statement):
            if name in _BODIES or name == "cases":
                continue
            roots.extend(
                item
                for item in (value if isinstance(value, list) else [value])
                if isinstance(item, ast.AST) and not isinstance(item, ast.stmt)
            )
        kept: list[ast.AST] = []
        for root in roots:
            first = getattr(root, "lineno", None)
            if first is None or self.on_needle_line(first, getattr(root, "end_lineno", first)):
                kept.append(root)
        return kept

    def run(self) -> list[Use]:
        """Analyse the whole file; return its uses (with edits or problems)."""
        needles = self.index.uses
        if needles is not None:
            lines = {
                self.source.line_of(found.end()) for found in needles.finditer(self.source.data)
            }
            self.needle_lines = sorted(lines)
        statements = self.statements()
        self.planner.statements = [
            read_statement(self.source, node, self.lazy_starts)
            for node in statements
            if isinstance(node, (ast.Import, ast.ImportFrom))
        ]
        self.planner.run()
        for statement in statements:
            first = statement.lineno
            for decorator in getattr(statement, "decorator_list", ()):
                first = min(first, decorator.lineno)
            last = statement.end_lineno or statement.lineno
            if isinstance(statement, (ast.Import, ast.ImportFrom)) or not self.on_needle_line(
                first, last
            ):
                continue
            for constant in lazy_module_strings(statement):
                self.check_lazy_module(constant)
            for root in self.expressions(statement):
                for node in ast.walk(root):
                    if isinstance(node, ast.Attribute):
                        self.check_chain(node)
                    elif isinstance(node, ast.Call):
                        self.check_call(node)
        return self.uses

    # -- attribute chains -----------------------------------------------------------

    def check_chain(self, node: ast.Attribute) -> None:
        """`a.old.f` through `import a.old`, `mod.f` through `from pkg import mod`, ..."""
        chain = attribute_chain(node)
        if chain is None:
            return
        base, attributes = chain
        binding = self.resolve_base(base)
        if binding is None or binding.deprecated:
            return
        match = self.index.match_exact(".".join([binding.path, *attributes]))
        if match is None:
            return
        use = self.new_use(node, "SSOT101", match)
        start, end = node_span(self.source, node)
        prefix = binding.path + "."
        if match.new_dotted.startswith(prefix):
            text = base + "." + match.new_dotted[len(prefix) :]
        else:
            text = match.new_dotted
        use.edits.append(Edit(start, end, text))
        self.planner.require_import(use, match.new_module, binding.statement)

    # -- SSOT102 strings ------------------------------------------------------------

    def check_call(self, node: ast.Call) -> None:
        """`mock.patch("…")`, `importlib.import_module("…")`, `monkeypatch.setattr("…")`, ..."""
        form = call_form(node.func)
        if not form:
            return
        tail = form[-1:]
        if form in PATCH_FORMS or tail == ("patch",):
            by_module = False
        elif tail in MODULE_FORMS:
            by_module = True
        elif tail in SETATTR_FORMS and isinstance(node.func, ast.Attribute):
            by_module = False
        elif form == ("patch", "object"):
            self.check_patch_object(node)
            return
        else:
            return
        argument = self.target_argument(node)
        if argument is None:
            return
        value = argument.value
        if not isinstance(value, str):
            return
        match = self.index.match_module(value) if by_module else self.index.match_prefix(value)
        if match is None:
            return
        use = self.new_use(argument, "SSOT102", match)
        if tail == ("__import__",) and returns_top(node, value, match.new_dotted):
            use.refuse("__import__() returns the top-level package, which the new path changes")
        else:
            self.rewrite_string(use, argument, match.new_dotted)

    def check_lazy_module(self, node: ast.Constant) -> None:
        """An entry of `__lazy_modules__` (PEP 810) that names a deprecated module."""
        match = self.index.match_module(str(node.value))
        if match is not None:
            self.rewrite_string(self.new_use(node, "SSOT102", match), node, match.new_dotted)

    @staticmethod
    def target_argument(node: ast.Call) -> ast.Constant | None:
        """The string naming the target: first positional, else a `target=`-like keyword."""
        if node.args:
            first = node.args[0]
            return first if isinstance(first, ast.Constant) else None
        for keyword in node.keywords:
            if keyword.arg in TARGET_KEYWORDS and isinstance(keyword.value, ast.Constant):
                return keyword.value
        return None

    def check_patch_object(self, node: ast.Call) -> None:
        """`patch.object(old_module, "name")`: a finding a person has to rewrite."""
        if len(node.args) < 2 or not isinstance(node.args[1], ast.Constant):
            return
        name = node.args[1].value
        chain = attribute_chain(node.args[0])
        if chain is None or not isinstance(name, str):
            return
        binding = self.resolve_base(chain[0])
        if binding is None:
            return
        dotted = ".".join([binding.path, *chain[1], name])
        match = self.index.match_exact(dotted)
        if match is None or match.entry.old.is_module:
            return
        use = self.new_use(node.args[1], "SSOT102", match)
        use.refuse("patch.object() names the attribute apart from its module; patch the new path")

    def rewrite_string(self, use: Use, node: ast.Constant, new: str) -> None:
        """Replace the text of a plain string literal, or refuse when it is not plain."""
        start, end = node_span(self.source, node)
        text = self.source.data[start:end].decode("utf-8")
        body = text.lstrip("rRuU")
        prefix = len(text) - len(body)
        for quote in ('"""', "'''", '"', "'"):
            if (
                body.startswith(quote)
                and body.endswith(quote)
                and body[len(quote) : len(body) - len(quote)] == node.value
                and "\\" not in body
            ):
                inner = start + len((text[:prefix] + quote).encode())
                use.edits.append(Edit(inner, inner + len(str(node.value).encode()), new))
                return
        use.refuse("the string is not a plain literal")

"""Re-export modules, `sys.modules[...] = ...`, and functions or classes that warn and delegate."""

from __future__ import annotations

import ast

from ssot_registry.adopt.evaluate import evaluate
from ssot_registry.adopt.found import Found, WarnCall, warn_call
from ssot_registry.adopt.source import ModuleSource, call_name
from ssot_registry.sources.toplevel import resolve_relative

__all__ = ["recognise_reexport", "recognise_sys_modules", "recognise_wrappers"]

_QUIET_MODULES = frozenset({"__future__", "warnings", "typing", "typing_extensions", "sys"})
_DEPRECATED_DECORATORS = frozenset({"deprecated", "deprecation.deprecated"})


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and call_name(node.test).endswith("TYPE_CHECKING")


def _module_warning(source: ModuleSource) -> WarnCall | None:
    return next(
        (w for node in source.tree.body if (w := warn_call(node, source)) is not None), None
    )


def recognise_reexport(found: Found) -> None:
    """A module whose body only re-exports another: a module alias or attribute aliases."""
    source = found.source
    imports: list[ast.ImportFrom] = []
    warned = _module_warning(source)
    for node in source.tree.body:
        if isinstance(node, ast.ImportFrom):
            base = resolve_relative(source.package, node.module, node.level)
            if base not in _QUIET_MODULES:
                imports.append(node)
        elif isinstance(node, ast.Import):
            if any(alias.name not in _QUIET_MODULES for alias in node.names):
                return
        elif not (
            _is_docstring(node)
            or _is_type_checking(node)
            or _is_all(node)
            or warn_call(node, source) is not None
        ):
            if warned is not None and warned.line not in found.handled and not found.proposals:
                found.fail(
                    warned.line,
                    "the module warns on import but is not a pure re-export "
                    f"(line {node.lineno} is other code); nothing to adopt from it",
                )
            return
    if not imports:
        return
    _reexports(found, imports, warned)


def _is_all(node: ast.stmt) -> bool:
    targets = (
        node.targets
        if isinstance(node, ast.Assign)
        else ([node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else [])
    )
    return any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)


def _not_a_shim(found: Found, imports: list[ast.ImportFrom], targets: set[str]) -> bool:
    """Re-exports without a warning that are an API, not a shim (a facade is reported)."""
    source = found.source
    own = source.module + "."
    if source.is_package and any(t.startswith(own) for t in targets):
        return True  # a package's own API, re-exported from its submodules
    why = ""
    if any(any(p.startswith("_") for p in t.split(".")) for t in targets):
        why = "re-exports a private implementation module: a public facade, not a shim"
    elif any(source.module.startswith(f"{t}.") for t in targets):
        why = "re-exports names of its own parent package: a convenience, not a shim"
    if why:
        found.facade(imports[0].lineno, len(imports), why)
    return bool(why)


def _reexports(found: Found, imports: list[ast.ImportFrom], warned: WarnCall | None) -> None:
    source = found.source
    if warned is not None:  # the import of the shim's own warning class re-exports nothing
        imports = [n for n in imports if any(a.name != warned.category for a in n.names)]
        if not imports:
            return
    targets = {resolve_relative(source.package, n.module, n.level) for n in imports}
    if None in targets:
        found.fail(imports[0].lineno, "a relative import leaves the top-level package")
        return
    if warned is None and _not_a_shim(found, imports, {str(t) for t in targets}):
        return
    reason = warned.message if warned else None
    stated = found.versions(
        reason, names=(warned.category,) if warned else (), line=warned.line if warned else 0
    )
    end = len(source.text.splitlines())
    stars = [n for n in imports if any(a.name == "*" for a in n.names)]
    if stars:
        star_targets = {resolve_relative(source.package, n.module, n.level) for n in stars}
        if len(star_targets) > 1 or len(targets) > 1:
            found.fail(
                stars[0].lineno,
                "star re-exports from several modules; a module alias needs exactly one target",
            )
            return
        target = str(star_targets.pop())
        found.alias(
            source.module,
            target,
            "reexport",
            1,
            end_line=end,
            what=f"whole module (re-exports {target})",
            reason=reason,
            stated=stated,
        )
        return
    names = sorted({a.asname or a.name for n in imports for a in n.names})
    whole = (
        f"whole module (re-exports {', '.join(names)} from {', '.join(sorted(map(str, targets)))})"
    )
    for node in imports:
        base = str(resolve_relative(source.package, node.module, node.level))
        for alias in node.names:
            if warned is not None and (alias.asname or alias.name) == warned.category:
                continue  # the warning class the shim imports for its own warning
            if (alias.asname or alias.name).startswith("_"):
                continue  # dunders (`__all__`) and private names are no API to keep
            found.alias(
                f"{source.module}:{alias.asname or alias.name}",
                f"{base}:{alias.name}",
                "reexport",
                node.lineno,
                end_line=end,
                what=whole,
                reason=reason,
                stated=stated,
            )


def recognise_sys_modules(found: Found) -> None:
    """`sys.modules["old"] = module` and `sys.modules[__name__] = module`: module aliases."""
    source = found.source
    for node in source.tree.body:
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Subscript)
            and call_name(node.targets[0].value) == "sys.modules"
        ):
            continue
        if node.lineno in found.handled or any(
            isinstance(n, ast.Call) and n.lineno in found.handled for n in ast.walk(node.value)
        ):
            continue
        old = evaluate(node.targets[0].slice, source)
        new = _module_of(node.value, source)
        if not isinstance(old, str) or new is None:
            found.fail(
                node.lineno,
                f"sys.modules[...] = {ast.unparse(node.value)}: "
                "not a constant name set to an imported module",
            )
            continue
        found.alias(old, new, "sys.modules", node.lineno, what=f"sys.modules[{old!r}]")


def _module_of(value: ast.expr, source: ModuleSource) -> str | None:
    """The module an expression is: a name bound by an import, `sys.modules["x"]`,
    or `importlib.import_module("x")`."""
    if isinstance(value, ast.Name) and value.id in source.imported:
        return source.imported[value.id].replace(":", ".")
    if isinstance(value, ast.Subscript) and call_name(value.value) == "sys.modules":
        named = evaluate(value.slice, source)
        return named if isinstance(named, str) else None
    if isinstance(value, ast.Call) and call_name(value).rpartition(".")[2] == "import_module":
        named = evaluate(value.args[0], source) if value.args else None
        return named if isinstance(named, str) else None
    return None


def _delegate(node: ast.expr, source: ModuleSource) -> str | None:
    """The import path of a name or `module.name` bound by an import of this file."""
    if isinstance(node, ast.Name):
        return source.imported.get(node.id)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        module = source.imported.get(node.value.id)
        if module is not None and ":" not in module:
            return f"{module}:{node.attr}"
    return None


def _decorator_warning(node: ast.FunctionDef | ast.ClassDef, source: ModuleSource) -> str | None:
    for decorator in node.decorator_list:
        if call_name(decorator) in _DEPRECATED_DECORATORS or call_name(decorator).endswith(
            ".deprecated"
        ):
            if isinstance(decorator, ast.Call) and decorator.args:
                text = evaluate(decorator.args[0], source)
                return text if isinstance(text, str) else ""
            return ""
    return None


def recognise_wrappers(found: Found) -> None:
    """A function that warns then returns `new(...)`, or a class that subclasses `new` and warns
    when instantiated: `mode = "wrap"` aliases."""
    source = found.source
    for node in source.tree.body:
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("__"):
            _function(found, node)
        elif isinstance(node, ast.ClassDef) and len(node.bases) == 1:
            _class(found, node)


def _function(found: Found, node: ast.FunctionDef) -> None:
    source = found.source
    body = [s for s in node.body if not _is_docstring(s)]
    warns = [w for s in body[:-1] if (w := warn_call(s, source)) is not None]
    decorated = _decorator_warning(node, source)
    if not body or len(warns) != len(body) - 1 or (not warns and decorated is None):
        return
    last = body[-1]
    if not (isinstance(last, ast.Return) and isinstance(last.value, ast.Call)):
        return
    callee = last.value.func
    simple = isinstance(callee, ast.Name) or (
        isinstance(callee, ast.Attribute) and isinstance(callee.value, ast.Name)
    )
    if not simple or not _passes_through(last.value, node):
        return
    target = _delegate(last.value.func, source)
    if target is None:
        found.fail(
            node.lineno,
            f"{node.name}() warns and delegates to "
            f"{ast.unparse(last.value.func)}, which this module does not import "
            "(a registry alias needs an importable target)",
        )
        return
    _propose_wrap(found, node, target, warns, decorated)


def _passes_through(call: ast.Call, function: ast.FunctionDef) -> bool:
    """Whether the call hands on the function's own parameters unchanged (a pure delegate)."""
    arguments = function.args
    names = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
    names |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
    values = [a.value if isinstance(a, ast.Starred) else a for a in call.args]
    values += [k.value for k in call.keywords]
    return all(isinstance(v, ast.Name) and v.id in names for v in values)


def _class(found: Found, node: ast.ClassDef) -> None:
    source = found.source
    target = _delegate(node.bases[0], source)
    methods = [s for s in node.body if not _is_docstring(s)]
    if (
        target is None
        or not methods
        or not all(
            isinstance(m, ast.FunctionDef)
            and m.name in ("__init__", "__new__", "__init_subclass__")
            for m in methods
        )
    ):
        return
    warns = [
        w
        for m in methods
        if isinstance(m, ast.FunctionDef)
        for s in m.body
        if (w := warn_call(s, source)) is not None
    ]
    decorated = _decorator_warning(node, source)
    if not warns and decorated is None:
        return
    _propose_wrap(found, node, target, warns, decorated)


def _propose_wrap(
    found: Found,
    node: ast.FunctionDef | ast.ClassDef,
    target: str,
    warns: list[WarnCall],
    decorated: str | None,
) -> None:
    """Propose the `mode = "wrap"` alias for a function or class that warns and delegates."""
    message = warns[0].message if warns else decorated
    category = warns[0].category if warns else ""
    kind = "def" if isinstance(node, ast.FunctionDef) else "class"
    found.alias(
        f"{found.source.module}:{node.name}",
        target,
        "wrap",
        node.lineno,
        end_line=node.end_lineno or node.lineno,
        what=f"{kind} {node.name}",
        reason=message or None,
        mode="wrap",
        stated=found.versions(message, names=(category,), line=node.lineno),
    )

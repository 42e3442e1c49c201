"""The checks that import code: run inside an isolated child (or in-process with --no-isolate).

A unit is one module to import first and the tasks that live in it; each
task gets an `Outcome` (records.py). Task kinds: `symbol`, `alias`, `import`.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import types
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import NamedTuple

from ssot_registry.exceptions import AliasWarning
from ssot_registry.registry import Alias, ImportPath, Registry
from ssot_registry.runtime.cpython import LazyImportFailure, resolve_lazy_imports
from ssot_registry.runtime.wrap_limits import wrap_limitation
from ssot_registry.validator.causes import describe_failure
from ssot_registry.validator.records import (
    Cause,
    Outcome,
    Task,
    Unit,
    WorkerConfig,
    failed,
    passed,
)

__all__ = ["in_run_order", "iter_outcomes", "kind_of", "lazy_import_failed", "run_units"]

SNIPPET_FILE = "<ssot-registry check>"


def _result(task: Task, code: str | None, message: str, cause: Cause | None = None) -> Outcome:
    return passed(task, message) if code is None else failed(task, code, message, cause)


class _Shadow(NamedTuple):
    """What the old module itself defines under an aliased name."""

    own: object
    same: bool


def kind_of(value: object) -> str:
    """The registry `kind` that describes `value` most precisely."""
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    if inspect.isroutine(value):
        return "function"
    if callable(value):
        return "callable"
    return "object"


def _a(kind: str) -> str:
    """`a class`, `an object`."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _matches(kind: str, value: object) -> bool:
    found = kind_of(value)
    if kind in ("any", found):
        return True
    return kind == "callable" and callable(value)


def prepend(task: Task) -> None:
    """pytest's `prepend` mode: the task's folders first on sys.path; a top-level module of
    the same name loaded from elsewhere (another folder's `conftest`) is forgotten."""
    for folder in reversed(task.path):
        if folder not in sys.path:
            sys.path.insert(0, folder)
    loaded = sys.modules.get(task.module)
    if task.path and loaded is not None and "." not in task.module:
        where = os.path.dirname(getattr(loaded, "__file__", None) or "")
        if where != task.path[0]:
            del sys.modules[task.module]


class _ImportFailedError(Exception):
    def __init__(self, code: str, message: str, cause: Cause | None) -> None:
        super().__init__(message)
        self.code, self.message, self.cause = code, message, cause


class _Prober:
    """Imports and resolves paths, and checks symbols and aliases, inside one process."""

    def __init__(self, registry: Registry | None, roots: frozenset[str]) -> None:
        self.registry = registry
        self.roots = roots

    def import_module(self, name: str) -> types.ModuleType:
        try:
            module = importlib.import_module(name)
            failures = resolve_lazy_imports(module)  # on 3.15 a broken lazy import would pass
        except SystemExit as error:
            cause = Cause(name, None, None, f"SystemExit: import called sys.exit({error.code!r})")
            raise _ImportFailedError(
                "SSOT014",
                f"importing {name} exited the interpreter: sys.exit({error.code!r})",
                cause,
            ) from None
        except BaseException as error:  # KeyboardInterrupt too: workers never get a real Ctrl-C
            cause = describe_failure(error, name, self.registry, self.roots)
            where = f" at {cause.file}:{cause.line}" if cause.file else ""
            raise _ImportFailedError(
                "SSOT010", f"cannot import {name}: {cause.error}{where}", cause
            ) from None
        if failures:
            message, cause = lazy_import_failed(name, failures[0], self.registry, self.roots)
            raise _ImportFailedError("SSOT010", message, cause)
        return module

    def resolve(self, path: ImportPath) -> object:
        module = self.import_module(path.module)
        try:
            return path.attribute_of(module)
        except Exception as error:
            raise _ImportFailedError(
                "SSOT011",
                f"module {path.module} imported but has no attribute {path.qualname!r} "
                f"({type(error).__name__}: {error})",
                None,
            ) from None

    def check_import(self, task: Task) -> Outcome:
        prepend(task)
        try:
            self.import_module(task.module)
        except _ImportFailedError as error:
            return _result(task, error.code, error.message, error.cause)
        return _result(task, None, f"imported {task.module}")

    def check_symbol(self, task: Task) -> Outcome:
        path = ImportPath(task.module, task.qualname)
        try:
            value = self.resolve(path)
        except _ImportFailedError as error:
            return _result(task, error.code, error.message, error.cause)
        kind = task.expect
        if not _matches(kind, value):
            return _result(
                task,
                "SSOT012",
                f'{path} is declared kind = "{kind}" but is {_a(kind_of(value))} '
                f"({type(value).__name__})",
            )
        return _result(task, None, f"{path} is {_a(kind_of(value))}")

    def check_alias(self, task: Task, registry: Registry) -> list[Outcome]:
        alias = registry.aliases[task.alias]
        try:
            canonical = self.resolve(alias.new)
        except _ImportFailedError as error:
            prefix = f"new path {alias.new}: "
            return [_result(task, error.code, prefix + error.message, error.cause)]
        if alias.is_tombstone:
            return [self._check_tombstone(task, alias)]
        return self._check_live(task, alias, canonical)

    def _snippet(self, alias: Alias) -> str:
        old = alias.old
        if old.is_module:
            return (
                f"import {old.module}\n__ssot_value = __import__('sys').modules[{old.module!r}]\n"
            )
        head, _, rest = (old.qualname or "").partition(".")
        tail = "".join(f".{part}" for part in rest.split(".")) if rest else ""
        return (
            f"from {old.module} import {head} as __ssot_value\n__ssot_value = __ssot_value{tail}\n"
        )

    def _run_snippet(self, alias: Alias) -> tuple[dict[str, object], list[warnings.WarningMessage]]:
        namespace: dict[str, object] = {"__name__": "__ssot_check__"}
        code = compile(self._snippet(alias), SNIPPET_FILE, "exec")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            exec(code, namespace)  # noqa: S102 - a fixed import statement built from a valid path
        return namespace, caught

    def _check_tombstone(self, task: Task, alias: Alias) -> Outcome:
        try:
            self._run_snippet(alias)
        except (ImportError, AttributeError) as error:
            text = str(error)
            if str(alias.new) in text or alias.new.dotted in text:
                return _result(
                    task, None, f"removed in {alias.removed_in}; fails naming {alias.new}"
                )
            return _result(
                task,
                "SSOT030",
                f"removed alias {alias.old} fails but its message does not name "
                f"{alias.new}: {text}",
            )
        except Exception as error:
            return _result(task, "SSOT030", f"removed alias {alias.old} raised {error!r}")
        return _result(
            task,
            "SSOT030",
            f"removed alias {alias.old} still imports; it must fail with a hint naming {alias.new}",
        )

    def _shadow(self, alias: Alias, canonical: object) -> _Shadow | None:
        """What the old module itself defines under the aliased name, if anything."""
        qualname = alias.old.qualname
        if qualname is None or "." in qualname:
            return None
        module = sys.modules.get(alias.old.module)
        if module is None or qualname not in vars(module):
            return None
        own = vars(module)[qualname]
        return _Shadow(own, own is canonical)

    def _check_live(self, task: Task, alias: Alias, canonical: object) -> list[Outcome]:
        try:
            namespace, caught = self._run_snippet(alias)
        except SystemExit as error:
            return [
                _result(task, "SSOT014", f"importing {alias.old} called sys.exit({error.code!r})")
            ]
        except Exception as error:
            return [
                _result(
                    task,
                    "SSOT030",
                    f"{alias.old} does not resolve through the installed shims: "
                    f"{type(error).__name__}: {error}",
                )
            ]
        value = namespace["__ssot_value"]
        findings: list[Outcome] = []
        shadow = self._shadow(alias, canonical)
        if shadow is not None and not shadow.same:
            findings.append(
                _result(
                    task,
                    "SSOT031",
                    f"{alias.old.module} defines {alias.old.name} itself, a different object than "
                    f"{alias.new}: two sources of truth; delete it from {alias.old.module}",
                )
            )
        identical = value is canonical
        if alias.mode == "wrap":
            limitation = wrap_limitation(canonical)
            if limitation is not None and not findings:  # the runtime serves it bare
                return [_result(task, "SSOT030", f'{alias.old}: mode = "wrap": {limitation}')]
            identical = getattr(value, "__wrapped__", None) is canonical
        if not identical and not findings:
            findings.append(
                _result(
                    task,
                    "SSOT030",
                    f"{alias.old} resolves to {_describe(value)}, "
                    f"not the identical object at {alias.new}",
                )
            )
        if not findings:
            findings.extend(self._attribution(task, alias, caught, shadow))
        return findings or [_result(task, None, f"{alias.old} -> {alias.new}")]

    def _attribution(
        self,
        task: Task,
        alias: Alias,
        caught: list[warnings.WarningMessage],
        shadow: _Shadow | None,
    ) -> list[Outcome]:
        ours = [w for w in caught if issubclass(w.category, AliasWarning)]
        expected = 0 if alias.mode == "wrap" else 1
        if shadow is not None and shadow.same:
            return [
                _result(
                    task,
                    "SSOT033",
                    f"{alias.old.module} re-exports {alias.old.name} itself, "
                    f"so the alias never warns; "
                    f"delete the hand-written re-export from {alias.old.module}",
                )
            ]
        if len(ours) != expected:
            return [
                _result(
                    task,
                    "SSOT033",
                    f"using {alias.old} emitted {len(ours)} alias warnings, expected {expected}",
                )
            ]
        wrong = [w for w in ours if (w.filename, w.lineno) != (SNIPPET_FILE, 1)]
        if wrong:
            return [
                _result(
                    task,
                    "SSOT033",
                    f"the warning for {alias.old} points at {wrong[0].filename}:{wrong[0].lineno}, "
                    f"not at the importing line",
                )
            ]
        return []


def lazy_import_failed(
    name: str, failure: LazyImportFailure, registry: Registry | None, roots: frozenset[str]
) -> tuple[str, Cause]:
    """The SSOT010 message and cause of module `name` whose lazy import `failure` fails when
    resolved: located at the `lazy` statement, whatever line inside the imported code raised."""
    cause = describe_failure(failure.error, name, registry, roots)
    cause = replace(cause, module=name, file=failure.file, line=failure.line)
    where = f" at {failure.file}:{failure.line}" if failure.file and failure.line else ""
    message = f"cannot import {name}: lazy import of {failure.name!r} fails: {cause.error}{where}"
    return message, cause


def _describe(value: object) -> str:
    name = getattr(value, "__qualname__", None) or getattr(value, "__name__", None)
    module = getattr(value, "__module__", None)
    if isinstance(value, types.ModuleType):
        return f"module {value.__name__}"
    return f"{type(value).__name__} {module}.{name}" if name else f"a {type(value).__name__}"


def _split(tasks: Iterable[Task], config: WorkerConfig) -> tuple[list[Task], list[Task]]:
    """The tasks checked without the registry's shims, and those checked with them."""
    shims = config.shims and config.registry is not None
    plain: list[Task] = []
    shimmed: list[Task] = []
    for task in tasks:
        with_shims = task.kind == "alias" or (task.kind == "import" and shims)
        (shimmed if with_shims else plain).append(task)
    return plain, shimmed


def in_run_order(tasks: Iterable[Task], config: WorkerConfig) -> list[Task]:
    """Tasks in the order `iter_outcomes` runs them: without shims first, then with."""
    plain, shimmed = _split(tasks, config)
    return plain + shimmed


def iter_outcomes(units: Sequence[Unit], config: WorkerConfig) -> Iterator[tuple[Outcome, ...]]:
    """The outcomes of each task of `units`, one task at a time, in `in_run_order`: symbols
    (and imports) without shims, then, with the registry installed once, aliases (and, when
    `config.shims`, imports)."""
    registry = config.registry
    prober = _Prober(registry, config.roots)
    plain, shimmed = _split((task for unit in units for task in unit.tasks), config)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what imported code warns about is not the finding
        for task in plain:
            check = prober.check_symbol if task.kind == "symbol" else prober.check_import
            yield (check(task),)
        if shimmed and registry is not None:
            yield from _with_shims(shimmed, prober, registry)


def run_units(units: Sequence[Unit], config: WorkerConfig) -> list[Outcome]:
    """Every outcome of `iter_outcomes`, as one list."""
    return [outcome for outcomes in iter_outcomes(units, config) for outcome in outcomes]


def _with_shims(
    tasks: list[Task], prober: _Prober, registry: Registry
) -> Iterator[tuple[Outcome, ...]]:
    from ssot_registry.runtime import install, installations

    in_place = {id(existing) for existing in installations()}
    try:
        # strict=False: the check proves the shims work, whatever SSOT_REGISTRY_STRICT says
        installation = install(registry, strict=False)
    except Exception as error:  # every alias reports it; the symbols stay checked
        message = f"cannot install the registry's shims: {type(error).__name__}: {error}"
        yield from ((_result(task, "SSOT030", message),) for task in tasks)
        return
    try:
        for task in tasks:
            if task.kind == "alias":
                yield tuple(prober.check_alias(task, registry))
            else:
                yield (prober.check_import(task),)
    finally:
        if id(installation) not in in_place:  # never undo somebody else's installation
            installation.uninstall()

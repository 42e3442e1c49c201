"""The validator's messages: what an isolated worker is asked to do and what it answers.

Every record is built here and nowhere else, and crosses the process boundary
as itself (pickled by `wire.py`): nothing downstream indexes a raw dict.

Task kinds (the worker pool runs any mix of them):

- `symbol`: import `module`, walk `qualname`, check the object's `kind`;
- `alias`: with the registry's shims installed, use alias number `alias`
  (an index into `Registry.aliases`) and check identity and attribution;
- `import`: import module `module` and report success or the located root
  cause (SSOT010 with a `Cause`, SSOT013 timeout, SSOT014 crash). Build one
  with `import_task(name)`; `validator.isolation.import_modules` runs many.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ssot_registry.validator.report import EntryResult

if TYPE_CHECKING:
    from ssot_registry.registry import Alias, Registry, Symbol

__all__ = [
    "Cause",
    "Configure",
    "Done",
    "Outcome",
    "Ready",
    "Task",
    "TaskKind",
    "Unit",
    "WorkerConfig",
    "alias_task",
    "failed",
    "import_task",
    "passed",
    "symbol_task",
    "unit_failures",
]

TaskKind = Literal["symbol", "alias", "import"]


@dataclass(frozen=True, slots=True)
class Cause:
    """Where an import failed: the innermost application frame that raised, and the error."""

    module: str
    file: str | None
    line: int | None
    error: str
    chain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Task:
    """One thing to check inside a worker (see the module docstring for the kinds)."""

    kind: TaskKind
    entry: str
    module: str
    line: int | None = None
    qualname: str | None = None
    expect: str = "any"
    alias: int = -1


@dataclass(frozen=True, slots=True)
class Unit:
    """The tasks that import the same module first: one fresh interpreter state for all."""

    module: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The answer to one task: passed (`code` None) or one finding, with its root cause."""

    task: Task
    code: str | None
    message: str
    cause: Cause | None = None

    @property
    def ok(self) -> bool:
        """True when the task passed."""
        return self.code is None

    def result(self) -> EntryResult:
        """The report row of a `symbol` or `alias` task."""
        kind: Literal["symbol", "alias"] = "alias" if self.task.kind == "alias" else "symbol"
        status: Literal["ok", "fail"] = "ok" if self.code is None else "fail"
        return EntryResult(self.task.entry, kind, status, self.code, self.message, self.task.line)


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """Everything a worker needs before its first unit; written once per run.

    `registry` is needed by `alias` tasks and for naming the distribution of
    a missing module; `shims` installs it before `import` tasks run.
    """

    sys_path: tuple[str, ...]
    roots: frozenset[str]
    timeout: float | None
    preimport: tuple[str, ...] = ()
    registry: Registry | None = None
    shims: bool = False
    cwd: str | None = None


@dataclass(frozen=True, slots=True)
class Configure:
    """check -> worker: the pickled `WorkerConfig` file, and whether to pre-import."""

    path: str
    preimport: bool


@dataclass(frozen=True, slots=True)
class Ready:
    """worker -> check: warmed up, having pre-imported this many modules."""

    preimported: int


@dataclass(frozen=True, slots=True)
class Done:
    """worker -> check: the outcomes of the oldest unit sent."""

    outcomes: tuple[Outcome, ...]


def symbol_task(symbol: Symbol) -> Task:
    """Check a `[symbols]` entry."""
    path = symbol.path
    return Task("symbol", symbol.name, path.module, symbol.line, path.qualname, symbol.kind)


def alias_task(alias: Alias, index: int) -> Task:
    """Check `[[alias]]` number `index` through the installed shims."""
    return Task("alias", str(alias.old), alias.new.module, alias.line, alias=index)


def import_task(module: str, entry: str | None = None) -> Task:
    """Import `module` and report success or the located root cause (`entry` names the row)."""
    return Task("import", entry or module, module)


def passed(task: Task, message: str) -> Outcome:
    """The outcome of a task that passed."""
    return Outcome(task, None, message)


def failed(task: Task, code: str, message: str, cause: Cause | None = None) -> Outcome:
    """The outcome of a task with a finding."""
    return Outcome(task, code, message, cause)


def unit_failures(unit: Unit, code: str, message: str) -> list[Outcome]:
    """Every task of a unit that could not be checked (crash, timeout): one shared cause."""
    cause = Cause(unit.module, None, None, message)
    return [Outcome(task, code, message, cause) for task in unit.tasks]

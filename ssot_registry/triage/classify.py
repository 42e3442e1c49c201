"""Classify a root cause (SSOT201-206) and propose the fix, with its evidence.

Rules, first match wins: a timeout, crash or syntax error is not an import
problem (206); a missing top-level module that is neither in the project
nor installed is a missing distribution (205); a missing project module
moved where a module of the same final name (or a git rename) exists (202);
a missing name moved where exactly one other module defines it (201); a
close name in the same module, or anywhere, is a rename to review (203);
otherwise it was removed and needs a person (204).
"""

from __future__ import annotations

import builtins
import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from ssot_registry.registry import Registry
from ssot_registry.registry.paths import common_parts
from ssot_registry.triage.distributions import distribution_for, is_installed, pip_command
from ssot_registry.triage.history import GitHistory
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Confidence, Failure, Proposal, TriageCause

__all__ = ["Context", "classify", "display", "module_alias", "name_alias"]

_CUTOFF = 0.75


@dataclass(frozen=True)
class Context:
    """What classification consults: the static index, git, the registry, the search path."""

    index: StaticIndex
    history: GitHistory
    registry: Registry
    start: str
    search_path: Sequence[str]


def display(file: str) -> str:
    """`file` relative to the current directory when below it."""
    relative = os.path.relpath(file)
    return file if relative.startswith("..") else relative


def module_alias(old: str, new: str) -> str:
    """The `[[alias]]` TOML of a module move."""
    return f'[[alias]]\nold = "{old}"\nnew = "{new}"\n'


def name_alias(old_module: str, old_name: str, new_module: str, new_name: str) -> str:
    """The `[[alias]]` TOML of a moved (or renamed) name."""
    return module_alias(f"{old_module}:{old_name}", f"{new_module}:{new_name}")


def classify(failure: Failure, modules: tuple[str, ...], context: Context) -> TriageCause:
    """The class, proposal and advice of one root cause."""
    code, proposal, advice = _decide(failure, context)
    return TriageCause(
        code,
        failure.cause_module,
        failure.file,
        failure.line,
        failure.error,
        modules,
        proposal,
        advice,
    )


_NOT_IMPORT = {
    "SSOT013": "the import hangs: find what blocks at import time",
    "SSOT014": "the import crashes the interpreter: fix the module",
}


def _decide(failure: Failure, context: Context) -> tuple[str, Proposal | None, str]:
    if failure.code == "SSOT015":
        return "SSOT015", None, "the [check] setup failed: fix it, nothing else could be imported"
    advice = _NOT_IMPORT.get(failure.code)
    if failure.exception in ("SyntaxError", "IndentationError", "TabError"):
        advice = "a syntax error, not a moved import: fix the source"
    if advice is None and failure.missing_module:
        top = failure.missing_module.partition(".")[0]
        if top not in context.index.top_levels and not is_installed(top, context.search_path):
            return _missing_distribution(top, context)
        return _moved_module(failure.missing_module, context)
    if advice is None and failure.missing_name and failure.from_module:
        return _moved_name(failure.missing_name, failure.from_module, context)
    return "SSOT206", None, advice or "not an import problem: fix the error where it is raised"


def _missing_distribution(top: str, context: Context) -> tuple[str, Proposal | None, str]:
    found = distribution_for(top, context.registry, context.start, context.search_path)
    if found is None:
        advice = f"no distribution is known to provide '{top}': install the one that does"
        return "SSOT205", None, advice
    specifier = found.specifier or ""
    toml = f'[requires]\n{found.name} = "{specifier}"\n'
    evidence = (f"{found.name} provides '{top}' ({found.source})", pip_command(found))
    confidence: Confidence = "review" if "installed distributions" in found.source else "likely"
    proposal = Proposal(toml, confidence, evidence, applicable=False)
    return "SSOT205", proposal, f"install it: {pip_command(found)}"


def _module_file(info_file: str) -> str:
    return display(info_file)


def _git_rename(module: str, context: Context) -> tuple[str, str] | None:
    """(new module, evidence) when git renamed the module's file under an index root."""
    history = context.history
    for root in context.index.roots:
        base = os.path.join(root, *module.split("."))
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            relative = history.relative(candidate)
            change = history.renames.get(relative) if relative else None
            if change is None or change.new_path is None:
                continue
            new_file = history.absolute(change.new_path)
            rest = os.path.relpath(os.path.splitext(new_file)[0], root).split(os.sep)
            if rest[-1] == "__init__":
                rest.pop()
            if rest and all(part.isidentifier() for part in rest):
                return ".".join(rest), change.describe("renamed")
    return None


def _moved_module(missing: str, context: Context) -> tuple[str, Proposal | None, str]:
    renamed = _git_rename(missing, context)
    candidates = [info for info in context.index.same_final_name(missing) if info.name != missing]
    if renamed is not None:
        new, git = renamed
        evidence = (
            git,
            *(f"module at {_module_file(c.file)}" for c in candidates if c.name == new),
        )
        proposal = Proposal(module_alias(missing, new), "likely", evidence, missing, new)
        return "SSOT202", proposal, ""
    if candidates:
        best = max(candidates, key=lambda c: common_parts(c.name, missing))
        found = tuple(f"module at {_module_file(c.file)}" for c in candidates[:5])
        sure: Confidence = "likely" if len(candidates) == 1 else "review"
        proposal = Proposal(module_alias(missing, best.name), sure, found, missing, best.name)
        return "SSOT202", proposal, ""
    parent, _, last = missing.rpartition(".")
    siblings = {
        name.rpartition(".")[2]: name
        for name in context.index.modules
        if name.rpartition(".")[0] == parent
    }
    close = difflib.get_close_matches(last, list(siblings), n=1, cutoff=_CUTOFF)
    if close:
        new = siblings[close[0]]
        close_name = (f"close name: {new} ({_module_file(context.index.modules[new].file)})",)
        proposal = Proposal(
            module_alias(missing, new), "review", close_name, missing, new, applicable=False
        )
        return "SSOT203", proposal, "probably renamed: review the proposal"
    return "SSOT204", None, _removed_advice(missing, context, _deleted_evidence(missing, context))


def _deleted_evidence(module: str, context: Context) -> str:
    for root in context.index.roots:
        base = os.path.join(root, *module.split("."))
        for candidate in (base + ".py", os.path.join(base, "__init__.py")):
            relative = context.history.relative(candidate)
            change = context.history.deletions.get(relative) if relative else None
            if change is not None:
                return change.describe("deleted")
    return ""


def _removed_advice(what: str, context: Context, git: str) -> str:
    del context
    where = f" ({git})" if git else ""
    return f"{what} exists nowhere now{where}: restore it, or change the code that imports it"


def _moved_name(name: str, module: str, context: Context) -> tuple[str, Proposal | None, str]:
    index = context.index
    defined = index.defined_in(name, besides=module)
    if defined:
        defined.sort(key=lambda pair: -common_parts(pair[0].name, module))
        info = defined[0][0]
        evidence = tuple(f"defined at {_module_file(i.file)}:{b.line}" for i, b in defined[:5])
        confidence: Confidence = "likely" if len(defined) == 1 else "review"
        toml = name_alias(module, name, info.name, name)
        proposal = Proposal(toml, confidence, evidence, f"{module}:{name}", f"{info.name}:{name}")
        return "SSOT201", proposal, ""
    return _renamed_or_removed(name, module, context)


def _renamed_or_removed(
    name: str, module: str, context: Context
) -> tuple[str, Proposal | None, str]:
    index = context.index
    old = index.modules.get(module)
    removed = context.history.removed_definition(name, old.file) if old is not None else None
    git = (removed.describe("deleted"),) if removed is not None else ()
    own = [
        bound
        for bound, b in (old.bindings.items() if old is not None else ())
        if b.kind in ("function", "class", "object")
    ]
    close = difflib.get_close_matches(name, own, n=1, cutoff=_CUTOFF)
    target = module
    if not close:
        close = difflib.get_close_matches(name, list(index.definitions), n=1, cutoff=_CUTOFF)
        target = index.defined_in(close[0])[0][0].name if close else module
    if close:
        info = index.modules[target]
        line = info.bindings[close[0]].line
        evidence = (
            f"close name: {target}:{close[0]} (defined at {_module_file(info.file)}:{line})",
            *git,
        )
        proposal = Proposal(
            name_alias(module, name, target, close[0]),
            "review",
            evidence,
            f"{module}:{name}",
            f"{target}:{close[0]}",
            applicable=False,
        )
        return "SSOT203", proposal, "probably renamed: review the proposal"
    advice = _removed_advice(f"{module}:{name}", context, git[0] if git else "")
    if hasattr(builtins, name):
        advice += f" (note: a builtin '{name}' exists; maybe it should be used instead)"
    return "SSOT204", None, advice

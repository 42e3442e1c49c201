"""Group failures into root causes, and collapse many module moves into one package alias.

Failures group by what is missing (a module, or a name in a module): twenty
test files that each import a moved name share one root cause even though
each raises on its own line. Other failures group by file, line and error
(the validator's rule, SPEC section 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ssot_registry.triage.classify import module_alias
from ssot_registry.triage.index import StaticIndex
from ssot_registry.triage.model import Confidence, Failure, Proposal, TriageCause

__all__ = ["collapse_prefixes", "group_failures", "order_causes"]


def _key(failure: Failure) -> tuple[str, ...]:
    if failure.code == "SSOT010" and failure.missing_module:
        return ("module", failure.missing_module)
    if failure.code == "SSOT010" and failure.missing_name and failure.from_module:
        return ("name", failure.from_module, failure.missing_name)
    if failure.exception == "AttributeError":  # the same missing attribute, wherever used
        return ("attribute", failure.error)
    file, line, error = failure.key
    return ("raised", file, str(line), error)


def group_failures(failures: Iterable[Failure]) -> list[tuple[Failure, tuple[str, ...]]]:
    """(the first failure, every module it breaks) per root cause, in first-seen order."""
    groups: dict[tuple[str, ...], tuple[Failure, list[str]]] = {}
    for failure in failures:
        _, modules = groups.setdefault(_key(failure), (failure, []))
        if failure.module not in modules:
            modules.append(failure.module)
    return [(first, tuple(modules)) for first, modules in groups.values()]


def _prefixes(old: str, new: str) -> tuple[str, str] | None:
    """(`pkg.core`, `pkg`) for `pkg.core.models` -> `pkg.models`: the moved package."""
    olds, news = old.split("."), new.split(".")
    shared = 0
    while shared < min(len(olds), len(news)) - 1 and olds[-1 - shared] == news[-1 - shared]:
        shared += 1
    if shared == 0:
        return None
    return ".".join(olds[:-shared]), ".".join(news[:-shared])


def collapse_prefixes(causes: Sequence[TriageCause], index: StaticIndex) -> list[TriageCause]:
    """Module moves sharing one moved package become one package-level module alias.

    `pkg.core.models -> pkg.models` and `pkg.core.fields -> pkg.fields` give
    `pkg.core -> pkg`, unless `pkg.core` itself still exists (then an alias
    of the whole package would hide it).
    """
    by_prefix: dict[tuple[str, str], list[int]] = {}
    for position, cause in enumerate(causes):
        proposal = cause.proposal
        if cause.code != "SSOT202" or proposal is None or not proposal.old or not proposal.new:
            continue
        pair = _prefixes(proposal.old, proposal.new)
        if pair is not None and pair[0] not in index.modules:
            by_prefix.setdefault(pair, []).append(position)
    merged: dict[int, TriageCause] = {}
    dropped: set[int] = set()
    for (old, new), positions in by_prefix.items():
        if len(positions) < 2:
            continue
        members = [causes[p] for p in positions]
        first = members[0]
        moves = [f"{c.proposal.old} -> {c.proposal.new}" for c in members if c.proposal]
        evidence = (
            f"{len(members)} modules moved from {old} to {new}: "
            + ", ".join(moves[:3])
            + (", ..." if len(moves) > 3 else ""),
            *dict.fromkeys(e for c in members if c.proposal for e in c.proposal.evidence),
        )
        modules = tuple(dict.fromkeys(m for c in members for m in c.modules))
        confidence: Confidence = (
            "likely"
            if all(c.proposal and c.proposal.confidence != "review" for c in members)
            else "review"
        )
        proposal = Proposal(module_alias(old, new), confidence, evidence[:6], old, new)
        merged[positions[0]] = replace(first, module=old, modules=modules, proposal=proposal)
        dropped.update(positions[1:])
    return [
        merged.get(position, cause)
        for position, cause in enumerate(causes)
        if position not in dropped
    ]


def order_causes(causes: Iterable[TriageCause]) -> tuple[TriageCause, ...]:
    """The ones breaking most modules first, then by location."""
    return tuple(
        sorted(
            causes,
            key=lambda c: (-len(c.modules), c.file is None, c.file or "", c.line or 0, c.module),
        )
    )

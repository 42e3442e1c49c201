"""`PathIndex`: every deprecated path of a registry, shaped for fast lookups while scanning.

It is plain data (dicts of tuples) so that worker processes receive it cheaply,
and it carries the compiled text pre-filter that lets most files skip parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ssot_registry.registry import Alias, External, ImportPath, Registry
from ssot_registry.registry.paths import covering_module
from ssot_registry.registry.wording import entry_text

__all__ = ["Entry", "Match", "PathIndex", "build_index"]


@dataclass(frozen=True)
class Entry:
    """One deprecated path: an alias (tombstones included) or an `[[external]]` entry, its
    old and new path at hand for matching."""

    old: ImportPath
    new: ImportPath
    origin: Alias | External

    @property
    def external(self) -> bool:
        """True for a third-party path (`[[external]]`)."""
        return isinstance(self.origin, External)

    def describe(self, used: str, replacement: str) -> str:
        """The finding's message for a use spelled `used`, to be replaced by `replacement`."""
        return entry_text(self.origin, used, replacement)


@dataclass(frozen=True)
class Match:
    """A dotted name that starts with a deprecated path: the entry, and both spellings."""

    entry: Entry
    old_dotted: str
    new_dotted: str
    consumed: int

    @property
    def new_module(self) -> str:
        """The module a rewritten reference needs imported."""
        entry = self.entry
        if entry.new.is_module:
            return self.new_dotted
        return entry.new.module


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for `words`, factored by common prefixes (far faster to match)."""
    if not words:
        return ""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = []
    for first, rests in sorted(groups.items()):
        inner = _trie_pattern(rests)
        branches.append(re.escape(first) + (f"(?:{inner})" if "|" in inner else inner))
    pattern = "|".join(branches)
    if ends and pattern:
        return f"(?:{pattern})?"
    return pattern


class _Memo(dict[str, "Match | None"]):
    """Matches by name, each found by `find` on its first lookup and kept."""

    __slots__ = ("find",)

    def __init__(self, find: Callable[[str], Match | None]) -> None:
        super().__init__()
        self.find = find

    def __missing__(self, name: str) -> Match | None:
        found = self[name] = self.find(name)
        return found


class PathIndex:
    """Deprecated module paths and attribute paths, with dotted-name matching."""

    def __init__(self, entries: list[Entry]) -> None:
        self.modules: dict[str, Entry] = {}
        self.attributes: dict[str, dict[str, Entry]] = {}
        for entry in entries:
            if entry.old.is_module:
                self.modules.setdefault(entry.old.module, entry)
            else:
                qualname = entry.old.qualname or ""
                self.attributes.setdefault(entry.old.module, {}).setdefault(qualname, entry)
        self.tops = frozenset(name.partition(".")[0] for name in (*self.modules, *self.attributes))
        words = {name.rpartition(".")[2] for name in self.modules}
        for qualnames in self.attributes.values():
            words.update(qualname.partition(".")[0] for qualname in qualnames)
        alternatives = _trie_pattern(sorted(words))
        self.needles: re.Pattern[bytes] | None = (
            re.compile(rb"\b(?:" + alternatives.encode() + rb")\b") if words else None
        )
        # where a chain or a string can name a deprecated path: right after a dot or a quote
        # (or anywhere, for a top-level module that is itself deprecated)
        singles = sorted(re.escape(name) for name in self.modules if "." not in name)
        # the lookahead (a byte that starts some word) lets most dots and quotes fail at once
        firsts = "".join(sorted({re.escape(word[0]) for word in words if word})).encode()
        ahead = rb"(?=[" + firsts + rb"])" if firsts else b""
        uses = rb"(?:[.'\"][ \t]*" + ahead + rb"(?:" + alternatives.encode() + rb"))\b"
        if singles:
            uses += rb"|\b(?:" + "|".join(singles).encode() + rb")\b"
        self.uses: re.Pattern[bytes] | None = re.compile(uses) if words else None
        self.relative = re.compile(rb"\bfrom[ \t]+\.")
        self.entries = tuple(entries)  # keeps every entry alive: `wording` keys on their ids
        self._wording: dict[tuple[int, str, str], tuple[str, str, str]] = {}
        # the same imports recur in file after file: each name is matched once per process
        # (a `Match` is immutable, so every use may share it)
        self._module_matches = _Memo(self._find_module)
        self._exact_matches = _Memo(self._find_exact)

    def wording(self, entry: Entry, used: str, replacement: str) -> tuple[str, str, str]:
        """An entry's old and new path as text and its message for one spelling, made once.

        Findings of the same use share these strings, so that results sent back
        from worker processes pickle each of them once.
        """
        key = (id(entry), used, replacement)
        found = self._wording.get(key)
        if found is None:
            found = (str(entry.old), str(entry.new), entry.describe(used, replacement))
            self._wording[key] = found
        return found

    def __bool__(self) -> bool:
        return bool(self.modules or self.attributes)

    def may_use(self, data: bytes, top_package: str | None) -> bool:
        """Cheap text test: False when the file cannot mention any deprecated path."""
        if self.needles is None:
            return False
        if self.needles.search(data):
            return True
        return top_package in self.tops and self.relative.search(data) is not None

    def match_module(self, name: str) -> Match | None:
        """The module entry covering module `name` (itself or a parent package)."""
        return self._module_matches[name]

    def match_exact(self, dotted: str) -> Match | None:
        """The entry whose old path is spelled exactly `dotted` (`pkg.mod` or `pkg.mod.Name`)."""
        return self._exact_matches[dotted]

    def _find_module(self, name: str) -> Match | None:
        found = covering_module(name, self.modules)
        if found is None:
            return None
        entry, rest = found
        return Match(entry, name, entry.new.module + rest, name.count(".") + 1)

    def _find_exact(self, dotted: str) -> Match | None:
        entry = self.modules.get(dotted)
        if entry is not None:
            return Match(entry, dotted, entry.new.module, dotted.count(".") + 1)
        module = dotted
        while "." in module:
            module, _, _ = module.rpartition(".")
            qualnames = self.attributes.get(module)
            if qualnames is not None:
                entry = qualnames.get(dotted[len(module) + 1 :])
                if entry is not None:
                    return Match(entry, dotted, entry.new.dotted, dotted.count(".") + 1)
        return None

    def match_prefix(self, dotted: str) -> Match | None:
        """The entry whose old path is the longest dotted prefix of `dotted` (attributes first)."""
        parts = dotted.split(".")
        for end in range(len(parts), 1, -1):
            found = self.match_exact(".".join(parts[:end]))
            if found is not None and not found.entry.old.is_module:
                rest = parts[end:]
                return Match(found.entry, dotted, ".".join([found.new_dotted, *rest]), end)
        module = self.match_module(dotted)
        if module is None:
            return None
        entry = module.entry
        consumed = entry.old.module.count(".") + 1
        return Match(entry, dotted, module.new_dotted, consumed)


def build_index(registry: Registry) -> PathIndex:
    """Every alias (tombstones included) and external entry of `registry`, indexed."""
    deprecated: tuple[Alias | External, ...] = (*registry.aliases, *registry.externals)
    return PathIndex([Entry(entry.old, entry.new, entry) for entry in deprecated])

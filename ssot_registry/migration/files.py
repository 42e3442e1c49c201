"""Which files a scan reads: `.py` / `.pyi` under the given paths, minus what is excluded."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["SUFFIXES", "find_sources", "module_name"]

SUFFIXES = (".py", ".pyi")
_SKIPPED_DIRS = frozenset({"__pycache__", "site-packages", "node_modules"})


class _Ignore:
    """`.gitignore`-style patterns of one folder (no negation), plus `--exclude` globs."""

    def __init__(self, base: str, patterns: Iterable[str]) -> None:
        self.base = base
        self.rules: list[tuple[str, bool, bool]] = []
        for raw in patterns:
            pattern = raw.strip()
            if not pattern or pattern.startswith(("#", "!")):
                continue
            only_dirs = pattern.endswith("/")
            pattern = pattern.rstrip("/")
            anchored = "/" in pattern
            self.rules.append((pattern.lstrip("/"), only_dirs, anchored))

    def matches(self, path: str, name: str, *, is_dir: bool) -> bool:
        """True when a rule excludes `path` (a `/` path) named `name`."""
        relative = os.path.relpath(path, self.base).replace(os.sep, "/")
        for pattern, only_dirs, anchored in self.rules:
            if only_dirs and not is_dir:
                continue
            subject = relative if anchored else name
            if fnmatch.fnmatchcase(subject, pattern) or (
                not anchored and fnmatch.fnmatchcase(relative, pattern)
            ):
                return True
        return False


def _read_gitignore(folder: str) -> _Ignore | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return _Ignore(folder, lines)


def _walk(folder: str, ignores: list[_Ignore], *, top: bool = True) -> Iterator[str]:
    """The sources under `folder`, in name order; a virtual environment below the top is skipped.

    The folder's listing tells whether `.gitignore` or `pyvenv.cfg` is worth a system call.
    """
    try:
        entries = sorted(os.scandir(folder), key=_entry_name)
    except OSError:
        return
    names = {entry.name for entry in entries}
    if not top and "pyvenv.cfg" in names and os.path.exists(os.path.join(folder, "pyvenv.cfg")):
        return
    local = _read_gitignore(folder) if ".gitignore" in names else None
    active = [*ignores, local] if local is not None else ignores
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if active and any(rule.matches(entry.path, name, is_dir=is_dir) for rule in active):
            continue
        if is_dir:
            if name.startswith(".") or name in _SKIPPED_DIRS:
                continue
            yield from _walk(entry.path, active, top=False)
        elif name.endswith(SUFFIXES):
            yield entry.path


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def find_sources(paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str] = ()) -> list[str]:
    """Every Python source under `paths` (files are taken as given), sorted, without repeats.

    Raises FileNotFoundError for a path that does not exist.
    """
    found: dict[str, None] = {}
    for given in paths:
        path = os.fspath(given)
        if not os.path.exists(path):
            raise FileNotFoundError(path)
        base = path if os.path.isdir(path) else os.path.dirname(path) or "."
        excludes = [_Ignore(base, exclude)] if exclude else []
        if os.path.isdir(path):
            found.update(dict.fromkeys(_walk(path, excludes)))
        elif not any(rule.matches(path, os.path.basename(path), is_dir=False) for rule in excludes):
            found[path] = None
    return list(found)


_PACKAGE_CACHE: dict[str, tuple[str, ...] | None] = {}


def _package_parts(folder: str) -> tuple[str, ...] | None:
    """The dotted package a folder is (from `__init__.py` files upwards), None if none."""
    cached = _PACKAGE_CACHE.get(folder, ())
    if cached != ():
        return cached
    result: tuple[str, ...] | None = None
    if os.path.isfile(os.path.join(folder, "__init__.py")) or os.path.isfile(
        os.path.join(folder, "__init__.pyi")
    ):
        parent = os.path.dirname(folder)
        above = _package_parts(parent) if parent != folder else None
        result = (*(above or ()), os.path.basename(folder))
    _PACKAGE_CACHE[folder] = result
    return result


def module_name(path: str) -> tuple[str | None, bool]:
    """The dotted module a source file is, and whether it is a package `__init__`."""
    folder, filename = os.path.split(os.path.abspath(path))
    package = _package_parts(folder)
    stem = filename.rpartition(".")[0]
    if stem == "__init__":
        return (".".join(package) if package else None), True
    if package is None:
        return (stem if stem.isidentifier() else None), False
    return ".".join((*package, stem)), False

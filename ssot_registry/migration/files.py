"""Which files a scan reads: `.py`, `.pyi` and `.ipynb` under the given paths, minus exclusions.

Only regular files are taken from a folder. Symlinked folders are not entered;
a symlinked file is skipped without a word when its target is inside the given
paths (the target is read under its own name there) and reported when it leads
outside them (it is never read or written). A symlink given by name is followed:
its target is read and rewritten under the target's path, the link stays.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ssot_registry.migration.disk import is_temporary_name, kind_of
from ssot_registry.migration.model import FileError

__all__ = ["NOTEBOOK", "SUFFIXES", "Sources", "collect_sources", "find_sources", "module_name"]

SUFFIXES = (".py", ".pyi")
NOTEBOOK = ".ipynb"
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


@dataclass
class Sources:
    """The files to read, the entries skipped (and why), and our temporaries found on the way."""

    files: list[str] = field(default_factory=list)
    skipped: list[FileError] = field(default_factory=list)
    temporaries: list[str] = field(default_factory=list)
    roots: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = SUFFIXES

    def inside(self, path: str) -> bool:
        """True when the real path `path` is one of the roots or below one."""
        return any(
            path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots
        )

    def odd_entry(self, entry: os.DirEntry[str]) -> None:
        """A source name that is no regular file: skip a symlink inward, report anything else."""
        try:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                if not self.inside(target):
                    self.skipped.append(
                        FileError(
                            entry.path,
                            f"skipped: a symlink to {target}, outside the given paths;"
                            " name the target to scan it",
                        )
                    )
                return
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError:
            return
        self.skipped.append(FileError(entry.path, f"skipped: not a regular file ({kind_of(mode)})"))


def _walk(
    folder: str, ignores: list[_Ignore], found: Sources, *, top: bool = True
) -> Iterator[str]:
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
            yield from _walk(entry.path, active, found, top=False)
        elif name.endswith(found.suffixes):
            if entry.is_file(follow_symlinks=False):
                yield entry.path
            else:
                found.odd_entry(entry)
        elif name[0] == "." and is_temporary_name(name):
            found.temporaries.append(entry.path)


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _temporaries_of(path: str) -> list[str]:
    """Our temporary files for the one file `path` (a file named on the command line)."""
    folder, name = os.path.split(path)
    prefix = f".{name}.ssot-"
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return []
    return [entry.path for entry in entries if entry.name.startswith(prefix)]


def collect_sources(
    paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str] = (), *, notebooks: bool = False
) -> Sources:
    """Every source under `paths` (files taken as given), without repeats, and what was skipped.

    Raises FileNotFoundError for a path that does not exist.
    """
    given = [os.fspath(path) for path in paths]
    for path in given:
        if not os.path.lexists(path):
            raise FileNotFoundError(path)
    roots = tuple(os.path.realpath(path) for path in given)
    found = Sources(roots=roots, suffixes=(*SUFFIXES, NOTEBOOK) if notebooks else SUFFIXES)
    files: dict[str, None] = {}
    for path in given:
        is_dir = os.path.isdir(path) and not os.path.islink(path)
        base = path if is_dir else os.path.dirname(path) or "."
        excludes = [_Ignore(base, exclude)] if exclude else []
        if is_dir:
            files.update(dict.fromkeys(_walk(path, excludes, found)))
        elif not any(rule.matches(path, os.path.basename(path), is_dir=False) for rule in excludes):
            real = os.path.realpath(path) if os.path.islink(path) else path
            if os.path.isdir(real):
                files.update(dict.fromkeys(_walk(path, excludes, found)))
                continue
            files[real] = None
            found.temporaries.extend(_temporaries_of(real))
    found.files = list(files)
    return found


def find_sources(paths: Sequence[str | os.PathLike[str]], exclude: Sequence[str] = ()) -> list[str]:
    """Every Python source (`.py`, `.pyi`) under `paths` (files are taken as given), no repeats.

    Raises FileNotFoundError for a path that does not exist.
    """
    return collect_sources(paths, exclude).files


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

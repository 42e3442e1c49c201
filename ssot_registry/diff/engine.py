"""`diff REF`: what public API disappeared since REF, and whether the registry covers it."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from packaging.version import InvalidVersion, Version

from ssot_registry.diff import git
from ssot_registry.diff.api import ApiIndex, ModuleApi, build_api
from ssot_registry.diff.model import DiffError, DiffFinding, DiffReport, Proposal
from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Alias, ImportPath, Registry, load_text_unchecked
from ssot_registry.registry.paths import common_parts
from ssot_registry.sources.toplevel import Binding

__all__ = ["diff"]

_PLACEHOLDER = "<the path that replaces it>"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _alias_toml(old: str, new: str, **extra: str | None) -> str:
    lines = ["[[alias]]", f"old = {_quoted(old)}", f"new = {_quoted(new)}"]
    lines += [f"{key} = {_quoted(value)}" for key, value in extra.items() if value]
    return "\n".join(lines) + "\n"


class _Diff:
    """One comparison: both snapshots, the registry, and the findings gathered so far."""

    def __init__(
        self, root: Path, ref: str, commit: str, paths: list[str], registry: Registry | None
    ) -> None:
        self.root, self.commit, self.paths, self.registry = root, commit, paths, registry
        self.report = DiffReport(ref)
        every_init = {
            name for name in git.tracked_files(root, commit, ["."]) if name.endswith("__init__.py")
        }
        before_files = git.tracked_files(root, commit, paths)
        before_sources = git.read_files(root, commit, before_files)
        self.before, errors = build_api(
            before_sources, lambda folder: f"{folder}/__init__.py" in every_init
        )
        now_sources = self._working_tree()
        unchanged = {
            relative: api
            for api in self.before.modules.values()
            if (relative := api.file) in now_sources
            and now_sources[relative] == before_sources[relative]
        }
        self.now, more = build_api(
            now_sources, lambda folder: (root / folder / "__init__.py").is_file(), unchanged
        )
        self.report.errors += errors + more
        self.renamed = git.renames(root, commit, paths)
        self.version = _current_version(registry)

    def _working_tree(self) -> dict[str, bytes]:
        return {
            relative: (self.root / relative).read_bytes()
            for relative in git.working_files(self.root, self.paths)
        }

    def covered(self, path: ImportPath) -> bool:
        return self.registry is not None and self.registry.find_alias(path) is not None

    def run(self) -> DiffReport:
        report = self.report
        report.modules_before = sum(1 for _ in self.before.public_modules())
        report.modules_now = sum(1 for _ in self.now.public_modules())
        for api in self.before.public_modules():
            if api.module not in self.now.modules:
                self._removed_module(api)
                continue
            for binding in api.public:
                report.names_before += 1
                if not self.now.binds(api.module, binding.name):
                    self._removed_name(api, binding)
        self._dropped_entries()
        report.findings.sort(key=lambda f: (f.code, f.file, f.line or 0, f.path))
        return report

    def _removed_module(self, api: ModuleApi) -> None:
        path = ImportPath(api.module)
        if self.covered(path):
            self.report.covered.append(str(path))
            return
        evidence: list[str] = []
        target = None
        renamed = self.renamed.get(api.file)
        if renamed is not None:
            target = _module_named(self.now, renamed)
            evidence.append(f"git: {api.file} renamed to {renamed}")
        if target is None:
            last = api.module.rpartition(".")[2]
            same = [
                m.module
                for m in self.now.public_modules()
                if m.module.rpartition(".")[2] == last and m.module not in self.before.modules
            ]
            if len(same) == 1:
                target = same[0]
                evidence.append(f"a module named {last} exists now: {same[0]}")
        self._finding(api, 1, path=str(path), kind="module", target=target, evidence=evidence)

    def _removed_name(self, api: ModuleApi, binding: Binding) -> None:
        path = ImportPath(api.module, binding.name)
        if self.covered(path):
            self.report.covered.append(str(path))
            return
        candidates = [
            (m, b)
            for m, b in self.now.definitions(binding.name, binding.kind)
            if m.module != api.module
        ]
        candidates.sort(key=lambda c: (-common_parts(c[0].module, api.module), c[0].module))
        evidence = [
            f"{binding.kind} {m.module}:{b.name} defined at {m.file}:{b.line}"
            for m, b in candidates
        ]
        target = f"{candidates[0][0].module}:{binding.name}" if candidates else None
        if target is None:
            evidence += self._renamed_candidates(api, binding)
        self._finding(
            api, binding.line, path=str(path), kind=binding.kind, target=target, evidence=evidence
        )

    def _renamed_candidates(self, api: ModuleApi, binding: Binding) -> list[str]:
        now = self.now.modules[api.module]
        added = [b for b in now.public if b.kind == binding.kind and b.name not in api.bindings]
        return [
            f"perhaps renamed: {binding.kind} {api.module}:{b.name} is new in {now.file}:{b.line}"
            for b in added
        ]

    def _finding(
        self,
        api: ModuleApi,
        line: int,
        *,
        path: str,
        kind: str,
        target: str | None,
        evidence: list[str],
    ) -> None:
        where = f"{api.file}:{line}"
        if target is not None:
            proposal = Proposal(_alias_toml(path, target), "alias", tuple(evidence))
            fix = f"add an alias to {target}"
        else:
            removed_in = self.version or "<this release>"
            proposal = Proposal(
                _alias_toml(path, _PLACEHOLDER, removed_in=removed_in), "tombstone", tuple(evidence)
            )
            fix = "add a tombstone naming what replaces it"
        self.report.findings.append(
            DiffFinding(
                "SSOT301",
                path,
                kind,
                api.file,
                line,
                f"{kind} {path} (at {self.report.ref}: {where}) is gone with no registry "
                f"entry; {fix}",
                proposal,
            )
        )

    def _dropped_entries(self) -> None:
        if self.registry is None or self.registry.source is None:
            return
        relative = os.path.relpath(self.registry.source.resolve(), self.root).replace(os.sep, "/")
        data = git.show(self.root, self.commit, relative)
        if data is None:
            return
        try:
            before = load_text_unchecked(data.decode("utf-8"), Path(relative))
        except (RegistryError, UnicodeDecodeError) as error:
            self.report.errors.append(f"{relative} at {self.report.ref} cannot be read: {error}")
            return
        for alias in before.aliases:
            if self.registry.alias_for(alias.old) is None:
                message = self._early(alias)
                if message is not None:
                    self.report.findings.append(
                        DiffFinding(
                            "SSOT302",
                            str(alias.old),
                            "tombstone" if alias.is_tombstone else "alias",
                            relative,
                            alias.line,
                            message,
                            Proposal(
                                _restore(alias),
                                "tombstone" if alias.is_tombstone else "alias",
                                (f"{relative}:{alias.line} at {self.report.ref}",),
                            ),
                        )
                    )

    def _early(self, alias: Alias) -> str | None:
        what = f"{'tombstone' if alias.is_tombstone else 'alias'} {alias.old}"
        if alias.remove_in is None:
            if alias.is_tombstone:
                return None  # a tombstone without remove_in may go: the path was already gone
            return (
                f"{what} left the registry without ever announcing a remove_in; restore it, "
                "set remove_in, and drop it once that version ships"
            )
        if self.version is None:
            return (
                f"{what} left the registry, remove_in {alias.remove_in}, but the current "
                "version is unknown; set [registry] version or distribution"
            )
        if _version(self.version) < _version(alias.remove_in):
            return (
                f"{what} left the registry at version {self.version}, before its remove_in "
                f"{alias.remove_in}; restore it until then"
            )
        return None


def _restore(alias: Alias) -> str:
    return _alias_toml(
        str(alias.old),
        str(alias.new),
        since=alias.since,
        remove_in=alias.remove_in,
        removed_in=alias.removed_in,
        reason=alias.reason,
        mode=None if alias.mode == "reexport" else alias.mode,
    )


def _version(text: str) -> Version:
    try:
        return Version(text)
    except InvalidVersion:
        return Version("0")


def _module_named(index: ApiIndex, file: str) -> str | None:
    return next((m.module for m in index.modules.values() if m.file == file), None)


def _current_version(registry: Registry | None) -> str | None:
    if registry is None:
        return None
    if registry.meta.version:
        return registry.meta.version
    if registry.meta.distribution:
        import importlib.metadata

        try:
            return importlib.metadata.version(registry.meta.distribution)
        except importlib.metadata.PackageNotFoundError:
            return None
    return None


def diff(
    ref: str,
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    registry: Registry | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> DiffReport:
    """Compare the public API at git revision `ref` with the working tree (static: no checkout,
    no import). Raises DiffError when git cannot answer (not a work tree, unknown revision)."""
    here = Path(cwd or os.getcwd()).resolve()
    root = git.toplevel(here)
    commit = git.commit_of(root, ref)
    relative = []
    for path in paths or ["."]:
        absolute = (here / path).resolve()
        if not absolute.exists():
            raise DiffError(f"{path}: no such file or folder")
        relative.append(os.path.relpath(absolute, root).replace(os.sep, "/"))
    return _Diff(root, ref, commit, relative, registry).run()

"""Read hand-written compatibility shims (re-exports, sys.modules, lookup tables,
warn-and-delegate wrappers, tombstones) and write the registry entries that replace them."""

from __future__ import annotations

import argparse
from pathlib import Path

from ssot_registry.cli import common
from ssot_registry.exceptions import RegistryError
from ssot_registry.registry import Alias, ImportPath, Registry, find_registry, load_text_unchecked

__all__ = ["register"]


def _registry(options: argparse.Namespace) -> Registry | None:
    """The registry whose entries are already present: --registry, -o FILE when it is one,
    else the usual discovery; None when there is none yet."""
    if options.registry is None and options.output and _is_registry(Path(options.output)):
        return common.read_entries(Path(options.output))
    try:
        path = find_registry(options.registry)
    except RegistryError:
        return None
    if options.registry is None and not path.is_file():
        return None
    return common.read_entries(path)


def _is_registry(path: Path) -> bool:
    try:
        return "[registry]" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _fragment_aliases(path: Path) -> list[Alias]:
    """Aliases already appended to a fragment file that is not a whole registry."""
    from ssot_registry.registry.toml import TomlSyntaxError, parse_toml

    try:
        data = parse_toml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as error:
        raise common.UsageError(f"cannot read -o {path}: {error}") from None
    except TomlSyntaxError as error:
        raise common.UsageError(
            f"{path}:{error.line}: -o FILE is not TOML: {error.reason}"
        ) from None
    return [alias for table in data.get("alias", []) if (alias := _alias(table)) is not None]


def _alias(table: object) -> Alias | None:
    """An `[[alias]]` table of a fragment file as an Alias (None when it is not one)."""
    if not isinstance(table, dict):
        return None
    try:
        old, new = ImportPath.parse(table["old"]), ImportPath.parse(table["new"])
    except (KeyError, TypeError, ValueError):
        return None
    return Alias(old, new, removed_in=table.get("removed_in"))


def _append(path: Path, text: str, registry: Registry | None) -> None:
    try:
        before = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise common.UsageError(f"cannot read -o {path}: {error}") from None
    separator = "" if not before else ("\n" if before.endswith("\n") else "\n\n")
    combined = before + separator + text
    if registry is not None and registry.source is not None and _same(path, registry.source):
        load_text_unchecked(combined, path)  # the registry must still load (RegistryError: exit 2)
    try:
        path.write_text(combined, encoding="utf-8")
    except OSError as error:
        raise common.UsageError(f"cannot write -o {path}: {error.strerror}") from None


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _adopt(options: argparse.Namespace) -> int:
    from ssot_registry.adopt import adopt
    from ssot_registry.render.adopt_report import render_adopt_json, render_adopt_text
    from ssot_registry.render.adopt_toml import render_entries

    common.validate_workers(options)
    registry = _registry(options)
    output = Path(options.output) if options.output else None
    extra = (
        _fragment_aliases(output)
        if output is not None
        and (registry is None or registry.source is None or not _same(output, registry.source))
        else []
    )
    try:
        report = adopt(options.paths, registry, extra, jobs=options.jobs)
    except FileNotFoundError as error:
        raise common.UsageError(f"{error.args[0]}: no such file or folder") from None
    if options.verify:
        from ssot_registry.adopt.verify import verify

        verify(report, registry, timeout=options.timeout, jobs=options.jobs)
    if output is not None and report.added:
        _append(output, render_entries(report.added), registry)
    if options.format == "json":
        common.emit(render_adopt_json(report))
    else:
        common.emit(render_adopt_text(report, written_to=options.output))
    return common.EXIT_OK if report.ok else common.EXIT_FINDINGS


_SUMMARY = "turn hand-written shims into registry entries (reads source, imports nothing)"


def register(commands: common.Commands) -> None:
    """Add `adopt` to the subcommands; the module docstring is its --help description."""
    adopt = common.add_command(commands, "adopt", _adopt, _SUMMARY, __doc__)
    adopt.add_argument("paths", nargs="+", metavar="PATH", help="files and folders to read")
    adopt.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="append the new entries to FILE (usually the registry)",
    )
    adopt.add_argument(
        "--verify",
        action="store_true",
        help="import each old and new path in an isolated worker; keep only "
        "entries whose old path gives the identical object (SSOT402 otherwise)",
    )
    common.add_report_options(
        adopt, ("text", "json"), output=None
    )  # -o above: entries, not the report
    common.add_worker_options(
        adopt,
        jobs="processes (default: CPUs)",
        timeout="--verify: seconds one import may take (default 30)",
    )
    common.add_registry_option(adopt)

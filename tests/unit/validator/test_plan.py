"""Planning: shards, units, the workers' sys.path and the pre-import scan."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

from ssot_registry.registry import load_text
from ssot_registry.validator.plan import (
    application_roots,
    in_shard,
    plan_units,
    preimports,
    search_path,
)

REGISTRY = load_text(
    textwrap.dedent("""\
    [registry]
    schema = 1
    name = "plan"

    [symbols]
    a = "app.core:a"
    b = "app.core:b"
    c = "app.util:c"
    d = "json:dumps"

    [[alias]]
    old = "app.old:a"
    new = "app.core:a"

    [[alias]]
    old = "legacy_app"
    new = "app.util"
""")
)


def test_units_group_entries_by_the_module_imported_first() -> None:
    """Symbols by their module, aliases by their `new` module; units sorted by module."""
    units = plan_units(REGISTRY, None)
    assert [(u.module, [t.entry for t in u.tasks]) for u in units] == [
        ("app.core", ["a", "b", "app.old:a"]),
        ("app.util", ["c", "legacy_app"]),
        ("json", ["d"]),
    ]


def test_shards_partition_every_entry_once() -> None:
    """Across N shards every entry is planned exactly once, and the same way every time."""
    keys = [f"symbol::s{i}" for i in range(200)]
    for count in (1, 2, 3, 7):
        owners = [[i for i in range(1, count + 1) if in_shard(key, (i, count))] for key in keys]
        assert all(len(owner) == 1 for owner in owners)
    assert [in_shard(k, (2, 3)) for k in keys] == [in_shard(k, (2, 3)) for k in keys]


def test_application_roots_leave_out_the_stdlib() -> None:
    """The top-level packages of the entries, minus stdlib modules such as json."""
    assert application_roots(REGISTRY) == frozenset({"app", "legacy_app"})


def test_search_path_order(tmp_path: Path) -> None:
    """Current directory first, then --path folders, then sys.path, then the registry folder."""
    extra = tmp_path / "extra"
    folder = tmp_path / "reg"
    path = search_path([extra], folder / "registry.toml")
    assert path[:2] == [os.getcwd(), str(extra)]
    assert path[-1] == str(folder.resolve())
    assert [p for p in sys.path if p and p in path] == [p for p in sys.path if p]


def test_project_root_follows_the_current_directory_on_the_path(tmp_path: Path) -> None:
    """The folder of the nearest pyproject.toml above the registry comes right after --path."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    registry = tmp_path / "conf" / "registry.toml"
    path = search_path([], registry)
    assert path[:2] == [os.getcwd(), str(tmp_path.resolve())]
    assert path[-1] == str(registry.parent.resolve())


def test_preimports_are_what_the_application_imports_from_outside(tmp_path: Path) -> None:
    """Absolute imports of non-application modules, found without importing anything."""
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("import json, os.path as p\nfrom . import core\n")
    (package / "core.py").write_text(
        "from __future__ import annotations\nfrom app.util import c\n"
        "    from collections import abc\nimportant = 1\nimport  decimal\nraise SystemExit\n"
    )
    assert preimports(frozenset({"app"}), [str(tmp_path)]) == [
        "collections",
        "decimal",
        "json",
        "os.path",
    ]

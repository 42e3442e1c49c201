"""PEP 810 lazy imports in `scan` and `migrate`, on interpreters whose `ast` cannot parse them."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry.migration import scan_report
from ssot_registry.migration.lazy import shift_lazy, without_lazy
from ssot_registry.migration.source import decode_source
from ssot_registry.registry import Registry
from ssot_registry.render.ruff import render_ruff_banned_api
from tests.helpers.migrate import Rewrite, write_module

NO_CHANGE = [
    "lazy import app.newer\nlazy from app.core.things import Thing\n",
    '"""\nlazy import app.old\n"""\n',
    "# lazy import app.old\nlazy = 1\n",
    "lazy_import = 'app.old.f'\nprint(lazy)\n",
    "lazy from app.models import Other\n",
    "__lazy_modules__ = ['app.newer', 'json']\n",
    "lazy import app\napp.older.f()\n",
]


@pytest.mark.parametrize("source", NO_CHANGE)
def test_lazy_no_change(rewrite: Rewrite, source: str) -> None:
    """Lazy imports of current paths, and `lazy` in strings, comments or names, stay as they are."""
    assert rewrite(source) == source.encode()


PAIRS = [
    # `lazy import`
    ("lazy import app.old\n", "lazy import app.new\n"),
    ("lazy import app.old as o\n", "lazy import app.new as o\n"),
    ("lazy import app.old.sub\n", "lazy import app.new.sub\n"),
    ("lazy  import os, app.old  # c\n", "lazy  import os, app.new  # c\n"),
    ("import os; lazy import app.old\n", "import os; lazy import app.new\n"),
    # `lazy from`, single line
    ("lazy from app.old import x\n", "lazy from app.new import x\n"),
    ("lazy from app.old.sub import x as y\n", "lazy from app.new.sub import x as y\n"),
    ("lazy from app.models import Thing as T\n", "lazy from app.core.things import Thing as T\n"),
    ("lazy from app import old\n", "lazy from app import new as old\n"),
    ("lazy from app.utils import helper\n", "lazy from app.core.helpers import assist as helper\n"),
    # parenthesised, over several lines
    (
        "lazy from app.old import (\n    x,\n    y as z,\n)\n",
        "lazy from app.new import (\n    x,\n    y as z,\n)\n",
    ),
    (
        "lazy from app.models import (\n    Other,\n    Thing,\n)\n",
        "lazy from app.models import (\n    Other,\n)\nlazy from app.core.things import Thing\n",
    ),
    # splitting keeps the moved names lazy
    (
        "lazy from app.models import Thing, Other\n",
        "lazy from app.models import Other\nlazy from app.core.things import Thing\n",
    ),
    # relative (the file is app/pkg/user.py)
    ("lazy from ..old import x\n", "lazy from ..new import x\n"),
    ("lazy from .. import old\n", "lazy from .. import new as old\n"),
    # inside `if TYPE_CHECKING`, and `try` (3.15 rejects it there; ruff flags the path all the same)
    (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    lazy from app.old import x\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    lazy from app.new import x\n",
    ),
    (
        "try:\n    lazy import app.old\nexcept ImportError:\n    pass\n",
        "try:\n    lazy import app.new\nexcept ImportError:\n    pass\n",
    ),
    # chains through a lazy import; an import the chain needs is added lazily too
    ("lazy import app.old\napp.old.f()\n", "lazy import app.new\napp.new.f()\n"),
    (
        "lazy from app import models\nmodels.Thing()\n",
        "lazy from app import models\nlazy import app.core.things\napp.core.things.Thing()\n",
    ),
    # `__lazy_modules__` entries are module names
    (
        "__lazy_modules__ = ['app.old', 'json']\nimport app.old\n",
        "__lazy_modules__ = ['app.new', 'json']\nimport app.new\n",
    ),
    (
        '__lazy_modules__: list[str] = [\n    "app.old.sub",\n]\n',
        '__lazy_modules__: list[str] = [\n    "app.new.sub",\n]\n',
    ),
    ("__lazy_modules__ += ('legacy.tools',)\n", "__lazy_modules__ += ('app.tools',)\n"),
    # CRLF line endings survive
    ("lazy from app.old import x\r\nx()\r\n", "lazy from app.new import x\r\nx()\r\n"),
]


@pytest.mark.parametrize(("source", "expected"), PAIRS)
def test_lazy_rewrite(rewrite: Rewrite, source: str, expected: str) -> None:
    """Each lazy form is rewritten like its eager form, and `lazy` stays."""
    assert rewrite(source) == expected.encode()


@pytest.mark.parametrize(("source", "expected"), PAIRS)
def test_lazy_rewrite_is_idempotent(rewrite: Rewrite, source: str, expected: str) -> None:
    """A second migrate of a rewritten lazy import changes nothing."""
    rewrite(source)
    assert rewrite(expected) == expected.encode()


@pytest.mark.parametrize(("source", "expected"), PAIRS)
def test_text_path_agrees_with_ast(
    tmp_path: Path, registry: Registry, source: str, expected: str
) -> None:
    """`scan` finds the same uses of each lazy form with its text fast path as with `ast`."""
    write_module(tmp_path, "app/pkg/user.py", source)
    fast = scan_report([tmp_path], registry).findings
    assert fast, expected
    assert fast == scan_report([tmp_path], registry, full_parse=True).findings


def test_lazy_findings_name_the_statement(tmp_path: Path, registry: Registry) -> None:
    """A lazy import is an SSOT101 finding at the imported path, as the eager import is."""
    write_module(
        tmp_path,
        "app/user.py",
        "lazy import app.old\nlazy from app.models import Thing\nlazy import websockets.client\n"
        "__lazy_modules__ = ['app.old']\n",
    )
    found = [str(f).split(" ", 1)[1] for f in scan_report([tmp_path], registry).findings]
    assert [str(f).split(":", 3)[1:3] for f in scan_report([tmp_path], registry).findings] == [
        ["1", "13"],
        ["2", "29"],
        ["4", "21"],
    ]
    assert found == [
        "SSOT101 app.old is deprecated since 1.4.0 and will be removed in 2.0.0;"
        " use app.new instead.",
        "SSOT101 app.models.Thing is deprecated; use app.core.things.Thing instead.",
        "SSOT102 app.old is deprecated since 1.4.0 and will be removed in 2.0.0;"
        " use app.new instead.",
    ]


def test_shift_keeps_every_offset() -> None:
    """Reading lazy imports as plain ones changes only the keyword area, never a length."""
    text = "x = 1\nif c:\n    lazy from a.b import (\n  c)\nlazy  import d; lazy from e import f\n"
    shifted = without_lazy(text)
    assert shifted == (
        "x = 1\nif c:\n    from      a.b import (\n  c)\nimport       d; from      e import f\n"
    )
    assert len(shifted) == len(text)
    ast.parse(shifted)  # any supported interpreter parses it
    source, starts = shift_lazy(decode_source(text.encode()))
    assert sorted(starts) == [text.index("lazy from a"), text.index("lazy  import"), 60]
    assert source.starts == decode_source(text.encode()).starts


def test_syntax_error_elsewhere_is_still_reported(tmp_path: Path, registry: Registry) -> None:
    """A file with a lazy import and a real syntax error is reported, not skipped."""
    write_module(tmp_path, "app/user.py", "lazy import app.old\ndef (:\n")
    report = scan_report([tmp_path], registry, full_parse=True)
    assert [error.message for error in report.errors] == ["line 2: syntax error: invalid syntax"]


RUFF_FILE = """\
lazy import app.old
lazy import app.old as o
lazy from app.old import x
lazy from app.old import (
    y,
    z,
)
lazy from app.models import Thing as T
lazy from app.models import Other, Thing
lazy from app import old
lazy import websockets.client
if TYPE_CHECKING:
    lazy from app.old import w
import os; lazy import app.old
"""


def _ruff() -> str | None:
    found = Path(sys.executable).parent / "ruff"
    return str(found) if found.exists() else shutil.which("ruff")


@pytest.mark.skipif(_ruff() is None, reason="ruff (the test extra) is not installed")
def test_lazy_findings_match_ruff(tmp_path: Path, registry: Registry) -> None:
    """On a file of lazy imports, scan flags the same lines and paths as ruff's TID251."""
    ruff = _ruff()
    assert ruff is not None
    config = tmp_path / "ruff.toml"
    config.write_text(
        'target-version = "py315"\n[lint]\nselect = ["TID251"]\n'
        + render_ruff_banned_api(registry).replace("[lint.", "[lint.", 1),
        encoding="utf-8",
    )
    write_module(tmp_path, "src/app/user.py", RUFF_FILE)
    result = subprocess.run(
        [ruff, "check", "--no-cache", "--config", str(config), "--output-format", "concise", "."],
        cwd=tmp_path / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    flagged = {
        (int(line.split(":")[1]), line.split("`")[1])
        for line in result.stdout.splitlines()
        if "TID251" in line
    }
    assert "invalid-syntax" not in result.stdout, result.stdout
    ours = {
        (finding.line, finding.old.replace(":", "."))
        for finding in scan_report([tmp_path / "src"], registry).findings
    }
    assert (
        ours
        == flagged
        == {
            *((line, "app.old") for line in (1, 2, 3, 4, 10, 13, 14)),
            (8, "app.models.Thing"),
            (9, "app.models.Thing"),
        }
    )

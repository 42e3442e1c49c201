"""The text fast path of `scan` finds exactly what the `ast` analysis finds."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssot_registry.migration import scan_report
from ssot_registry.migration.analyze import FileAnalysis
from ssot_registry.migration.engine import process_file
from ssot_registry.migration.index import build_index
from ssot_registry.migration.source import decode_source
from ssot_registry.migration.textscan import UnsureError, find_uses
from ssot_registry.registry import Registry, load_text
from tests.helpers.migrate import REGISTRY, SAMPLE, write_module

PIECES = [
    "import app.old",
    "import app.old.sub as s",
    "import os, app.old as o2",
    "from app import old, other",
    "from app.models import (\n    Other,  # c\n    Thing as T,\n)",
    "from app.legacy import Gone",
    "from .utils import helper",
    "from . import models",
    "from app import models",
    "import app",
    "import websockets.client",
    "if TYPE_CHECKING: from app.old import x",
    "try:\n    from app.old import y\nexcept ImportError:\n    y = None",
    "models.Thing()",
    "x = models.Thing.objects.all()",
    "app.old.run()",
    "app.old.sub.deep.f()",
    "websockets.client.connect('ws://x')",
    'mock.patch("app.utils.helper")',
    "@mock.patch('app.old.f')\ndef t(m): pass",
    "patch.object(models, 'Thing')",
    'importlib.import_module("app.old")',
    '__import__("app.old.sub")',
    'tools = __import__("legacy.tools")',
    '__import__("legacy.tools", None, None, ["run"])',
    'monkeypatch.setattr("app.models.Thing.save", f)',
    'x = "app.old.f"',
    "# app.old.f in a comment",
    '"""app.models.Thing in a docstring"""',
    "print(f'{models.Thing}')",
    'x = f"see app.old.f for {y}"',
    "mock.patch(f'app.old.f{{x}}')",
    'z = rf"""{app.old.f}"""',
    'mock.patch("app." "old.f")',
    'mock.patch(\n    # why\n    "app.old.f"\n)',
    "value = call().Thing",
    "value = (models\n    .Thing)",
    "from app.core.things import Thing",
    "from app.models import Thing",
    'patch(target="app.old.f")',
    "x = [models.Thing, old.f, T.Thing]",
]


def _uses(path: Path, registry: Registry, *, text: bool) -> list[tuple[int, int, str, str | None]]:
    index = build_index(registry)
    source = decode_source(path.read_bytes())
    tree = ast.Module(body=[], type_ignores=[]) if text else ast.parse(source.text)
    analysis = FileAnalysis(source, tree, index, "app.user", is_package=False)
    uses = find_uses(analysis) if text else analysis.run()
    return sorted((use.line, use.col, use.used, use.problem) for use in uses)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=10))
def test_text_and_ast_agree(pieces: list[str]) -> None:
    """On generated modules, the text path gives the same uses as `ast`, or says it is unsure."""
    registry = load_text(REGISTRY)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "user.py"
        path.write_text("\n".join(pieces) + "\n", encoding="utf-8")
        expected = _uses(path, registry, text=False)
        try:
            found = _uses(path, registry, text=True)
        except UnsureError:
            return
        assert found == expected


def test_sample_agrees(tmp_path: Path, registry: Registry) -> None:
    """The scan sample gives identical findings with and without the text path."""
    write_module(tmp_path, "app/user.py", SAMPLE)
    assert scan_report([tmp_path], registry).findings == (
        scan_report([tmp_path], registry, full_parse=True).findings
    )


@pytest.mark.parametrize(
    "source",
    [
        "print(f'{models.Thing}')\nfrom app import models\n",
        "from app import models\nx = (models\n    .Thing)\n",
        "patch(target='app.old.f')\n",
    ],
)
def test_unsure_cases_fall_back_to_ast(tmp_path: Path, registry: Registry, source: str) -> None:
    """Where the text is not conclusive, the file is parsed and the use is still found."""
    path = write_module(tmp_path, "app/user.py", source)
    with pytest.raises(UnsureError):
        _uses(path, registry, text=True)
    outcome = process_file(str(path), build_index(registry), rewrite=False)
    assert len(outcome.findings) == 1

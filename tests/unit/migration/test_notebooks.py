"""Notebooks: code cells are scanned with ruff's cell-relative positions and rewritten in place."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry.migration import migrate, scan_report
from ssot_registry.registry import Registry


def _cell(kind: str, source: list[str] | str) -> dict[str, object]:
    cell: dict[str, object] = {"cell_type": kind, "metadata": {}, "source": source}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def _notebook(path: Path, *cells: dict[str, object], ascii_only: bool = False) -> bytes:
    """Write a notebook the way Jupyter does (indent 1, keys sorted, a final newline)."""
    document = {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    data = (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=ascii_only) + "\n").encode()
    path.write_bytes(data)
    return data


CELLS = (
    _cell("markdown", ["# import app.old\n", "is only prose"]),
    _cell("code", ["%matplotlib inline\n", "!pip install app\n", "import app.old"]),
    _cell("code", ['label = "café"\n', "from app.models import Thing\n", "print(app.old.f())"]),
)


def test_code_cells_are_scanned_with_cell_relative_positions(
    tmp_path: Path, registry: Registry
) -> None:
    """Each finding names its cell (markdown cells counted) and its line within the cell."""
    notebook = tmp_path / "nb.ipynb"
    _notebook(notebook, *CELLS)
    report = scan_report([tmp_path], registry)
    assert report.errors == []
    assert [str(finding).replace(str(tmp_path) + "/", "") for finding in report.findings] == [
        "nb.ipynb:cell 2:3:8: SSOT101 app.old is deprecated since 1.4.0 and will be removed in"
        " 2.0.0; use app.new instead.",
        "nb.ipynb:cell 3:2:24: SSOT101 app.models.Thing is deprecated; use app.core.things.Thing"
        " instead.",
        "nb.ipynb:cell 3:3:7: SSOT101 app.old is deprecated since 1.4.0 and will be removed in"
        " 2.0.0; use app.new instead.",
    ]


def _ruff() -> str | None:
    beside = Path(sys.executable).with_name("ruff")
    return str(beside) if beside.exists() else shutil.which("ruff")


def test_positions_are_ruffs(tmp_path: Path, registry: Registry) -> None:
    """Where ruff's TID251 flags the same paths in a notebook, it gives the same cell:line:col."""
    ruff = _ruff()
    if ruff is None:
        pytest.skip("ruff is not installed (it is in the lint extra)")
    notebook = tmp_path / "nb.ipynb"
    _notebook(notebook, *CELLS)
    done = subprocess.run(
        [
            ruff,
            "check",
            "--isolated",
            "--select",
            "TID251",
            "--output-format",
            "json",
            "--config",
            'lint.flake8-tidy-imports.banned-api."app.old".msg = "moved"',
            str(notebook),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    theirs = {
        (item["cell"], item["location"]["row"], item["location"]["column"])
        for item in json.loads(done.stdout)
    }
    ours = {
        (finding.cell, finding.line, finding.col)
        for finding in scan_report([notebook], registry).findings
        if finding.old == "app.old"
    }
    assert theirs == ours == {(2, 3, 8), (3, 3, 7)}


def test_migrate_changes_only_the_strings_it_rewrites(tmp_path: Path, registry: Registry) -> None:
    """Every byte of the JSON outside the rewritten strings stays, escapes and indentation too."""
    notebook = tmp_path / "nb.ipynb"
    before = _notebook(notebook, *CELLS)
    result = migrate([notebook], registry, write=True)
    assert result.errors == []
    after = before.replace(b'"import app.old"', b'"import app.new"')
    after = after.replace(
        b'"from app.models import Thing\\n"', b'"from app.core.things import Thing\\n"'
    )
    after = after.replace(b'"print(app.old.f())"', b'"print(app.new.f())"')
    assert notebook.read_bytes() == after
    assert migrate([notebook], registry).diffs == {}


def test_escaped_notebook_keeps_its_escapes(tmp_path: Path, registry: Registry) -> None:
    """A notebook written with `\\u` escapes gets escaped text in the strings it changes."""
    notebook = tmp_path / "nb.ipynb"
    before = _notebook(notebook, _cell("code", ["import app.old  # café\n"]), ascii_only=True)
    migrate([notebook], registry, write=True)
    assert notebook.read_bytes() == before.replace(b"app.old", b"app.new")


def test_inserted_import_becomes_its_own_line_string(tmp_path: Path, registry: Registry) -> None:
    """An import migrate adds is a new string of the cell's list, in the list's own layout."""
    notebook = tmp_path / "nb.ipynb"
    _notebook(
        notebook,
        _cell("code", ["import app.models"]),
        _cell("code", ["x = app.models.Thing()"]),
    )
    result = migrate([notebook], registry, write=True)
    assert result.remaining == []
    document = json.loads(notebook.read_text())
    assert [cell["source"] for cell in document["cells"]] == [
        ["import app.models\n", "import app.core.things"],
        ["x = app.core.things.Thing()"],
    ]
    assert '   "source": [\n    "import app.models\\n",\n    "import app.core.things"\n' in (
        notebook.read_text()
    )


def test_source_given_as_one_string(tmp_path: Path, registry: Registry) -> None:
    """A cell whose source is one string (nbformat allows it) is rewritten as one string."""
    notebook = tmp_path / "nb.ipynb"
    _notebook(notebook, _cell("code", "import app.old\nx = 1\n"))
    migrate([notebook], registry, write=True)
    assert json.loads(notebook.read_text())["cells"][0]["source"] == "import app.new\nx = 1\n"


def test_syntax_error_in_a_cell_is_located_and_nothing_is_fixable(
    tmp_path: Path, registry: Registry
) -> None:
    """A cell that does not parse is reported by cell and line; the notebook is not rewritten."""
    notebook = tmp_path / "nb.ipynb"
    before = _notebook(notebook, _cell("code", ["import app.old\n"]), _cell("code", ["x = (\n"]))
    result = migrate([notebook], registry, write=True)
    assert [(error.message) for error in result.errors] == [
        "cell 2: line 1: syntax error: '(' was never closed"
    ]
    assert [(f.cell, f.line, f.fixable) for f in result.findings] == [(1, 1, False)]
    assert notebook.read_bytes() == before


def test_cell_magic_is_not_python(tmp_path: Path, registry: Registry) -> None:
    """A `%%bash` cell is left alone: its text is neither parsed nor scanned."""
    notebook = tmp_path / "nb.ipynb"
    _notebook(notebook, _cell("code", ["%%bash\n", "import app.old; echo $((1 +\n"]))
    report = scan_report([notebook], registry, full_parse=True)
    assert (report.findings, report.errors) == ([], [])


def test_file_that_is_not_notebook_json(tmp_path: Path, registry: Registry) -> None:
    """A `.ipynb` file that is not JSON is one located error."""
    (tmp_path / "nb.ipynb").write_text('{"cells": [\n  "import app.old",\n', encoding="utf-8")
    report = scan_report([tmp_path], registry)
    assert [error.message for error in report.errors] == ["line 3: not a notebook: invalid JSON"]


def test_reports_name_the_cell(tmp_path: Path, registry: Registry) -> None:
    """JSON findings carry ruff's `"cell"` key; GitHub annotations put the cell in the message."""
    from ssot_registry.render.scan_report import render_findings_github, render_findings_json

    notebook = tmp_path / "nb.ipynb"
    _notebook(notebook, _cell("markdown", ["x"]), _cell("code", ["import app.old\n"]))
    report = scan_report([notebook], registry)
    finding = json.loads(render_findings_json(report))["findings"][0]
    assert (finding["cell"], finding["line"], finding["col"]) == (2, 1, 8)
    assert render_findings_github(report) == (
        f"::error file={notebook},title=SSOT101::cell 2:1:8: app.old is deprecated since 1.4.0"
        " and will be removed in 2.0.0; use app.new instead.\n"
    )

"""What `scan` reports: each form, exact messages and positions, codes, and unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssot_registry.migration import Finding, scan, scan_report
from ssot_registry.registry import Registry
from tests.helpers.migrate import SAMPLE, write_module


def test_every_form_is_found(tmp_path: Path, registry: Registry) -> None:
    """Imports, relative imports, nested imports, chains and strings are each one finding."""
    write_module(tmp_path, "app/user.py", SAMPLE)
    lines = [
        str(finding).removeprefix(str(tmp_path) + "/") for finding in scan([tmp_path], registry)
    ]
    moved = "is deprecated since 1.4.0 and will be removed in 2.0.0; use"
    assert lines == [
        f"app/user.py:1:8: SSOT101 app.old {moved} app.new instead.",
        f"app/user.py:2:8: SSOT101 app.old.sub {moved} app.new.sub instead.",
        f"app/user.py:3:17: SSOT101 app.old {moved} app.new instead.",
        "app/user.py:6:5: SSOT101 app.models.Thing is deprecated; use app.core.things.Thing"
        " instead.",
        "app/user.py:8:24: SSOT101 app.legacy.Gone was removed in 1.6.0; use app.core.Here"
        " instead.",
        "app/user.py:9:20: SSOT101 app.utils.helper is deprecated; use app.core.helpers.assist"
        " instead. Reason: renamed",
        f"app/user.py:14:10: SSOT101 app.old {moved} app.new instead.",
        f"app/user.py:17:10: SSOT101 app.old {moved} app.new instead.",
        "app/user.py:24:5: SSOT101 app.models.Thing is deprecated; use app.core.things.Thing"
        " instead.",
        f"app/user.py:25:5: SSOT101 app.old {moved} app.new instead.",
        "app/user.py:26:5: SSOT103 websockets.client.connect is a deprecated third-party path;"
        " use websockets.asyncio.client.connect instead.",
        "app/user.py:27:16: SSOT102 app.utils.helper is deprecated; use app.core.helpers.assist"
        " instead. Reason: renamed",
        "app/user.py:28:26: SSOT102 app.models.Thing is deprecated; use app.core.things.Thing"
        " instead. Not rewritten automatically: patch.object() names the attribute apart from"
        " its module; patch the new path.",
    ]


def test_finding_fields(tmp_path: Path, registry: Registry) -> None:
    """A finding carries the registry's old and new paths and whether it can be rewritten."""
    path = write_module(tmp_path, "app/user.py", "from app.models import Thing\n")
    assert scan([tmp_path], registry) == [
        Finding(
            str(path),
            1,
            24,
            "SSOT101",
            "app.models:Thing",
            "app.core.things:Thing",
            "app.models.Thing is deprecated; use app.core.things.Thing instead.",
            fixable=True,
        )
    ]


def test_scan_never_imports(tmp_path: Path, registry: Registry) -> None:
    """Scanning a module that would fail or have side effects on import only reads it."""
    marker = tmp_path / "imported"
    source = f"import app.old\nopen({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n"
    write_module(tmp_path, "app/boom.py", source)
    assert len(scan([tmp_path], registry)) == 1
    assert not marker.exists()


def test_unreadable_files_are_reported_and_scan_goes_on(tmp_path: Path, registry: Registry) -> None:
    """A syntax error and an undecodable file are errors with their path; other files are read."""
    write_module(tmp_path, "app/broken.py", "import app.old\ndef (:\n")
    write_module(tmp_path, "app/binary.py", b"import app.old\nx = '\xff\xfe'\n")
    write_module(tmp_path, "app/good.py", "import app.old\n")
    report = scan_report([tmp_path], registry, full_parse=True)
    assert [(Path(f.path).name, f.line, f.fixable) for f in report.findings] == [
        ("broken.py", 1, False),
        ("good.py", 1, True),
    ]
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        (
            "binary.py",
            "line 2: cannot decode byte 0xff as utf-8; save the file as UTF-8 or declare its"
            " encoding (PEP 263)",
        ),
        ("broken.py", "line 2: syntax error: invalid syntax"),
    ]
    assert report.files == 4


def test_default_scan_reports_a_syntax_error_of_a_file_with_findings(
    tmp_path: Path, registry: Registry
) -> None:
    """The fast path parses a file with findings: its syntax error is reported, none fixable."""
    write_module(tmp_path, "app/broken.py", "import app.old\ndef (:\n")
    report = scan_report([tmp_path], registry)
    assert [(Path(f.path).name, f.line, f.fixable) for f in report.findings] == [
        ("broken.py", 1, False)
    ]
    assert report.findings[0].message.endswith(
        "use app.new instead. Not rewritten automatically: the file does not parse."
    )
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        ("broken.py", "line 2: syntax error: invalid syntax")
    ]


def test_files_without_candidate_names_are_not_parsed(tmp_path: Path, registry: Registry) -> None:
    """A file mentioning no deprecated name is skipped by the pre-filter, even if it is broken."""
    write_module(tmp_path, "app/unrelated.py", "def (:\n")
    report = scan_report([tmp_path], registry)
    assert report.errors == []
    assert report.findings == []


def test_scan_accepts_a_registry_path(tmp_path: Path) -> None:
    """`scan` loads the registry itself when given its path."""
    from tests.helpers.migrate import REGISTRY

    registry_file = tmp_path / "registry.toml"
    registry_file.write_text(REGISTRY, encoding="utf-8")
    write_module(tmp_path, "src/app/user.py", "import app.old\n")
    assert [f.line for f in scan([tmp_path / "src"], registry_file)] == [1]


def test_parallel_scan_matches_serial(tmp_path: Path, registry: Registry) -> None:
    """Worker processes find exactly what one process finds."""
    for number in range(30):
        write_module(tmp_path, f"app/m{number}.py", f"import app.old\nx = {number}\n")
        write_module(tmp_path, f"app/n{number}.py", "x = 1\n")
    serial = scan_report([tmp_path], registry, jobs=1)
    parallel = scan_report([tmp_path], registry, jobs=2)
    assert parallel.findings == serial.findings
    assert len(serial.findings) == 30


@pytest.mark.parametrize("full_parse", [False, True], ids=["text", "ast"])
def test_dunder_import_is_a_string_form(
    tmp_path: Path, registry: Registry, full_parse: bool
) -> None:
    """`__import__("old.mod")` is SSOT102; when what it returns would change, it needs a person."""
    write_module(
        tmp_path, "app/user.py", '__import__("app.old")\ntools = __import__("legacy.tools")\n'
    )
    report = scan_report([tmp_path], registry, full_parse=full_parse)
    assert [(f.line, f.col, f.code, f.fixable) for f in report.findings] == [
        (1, 12, "SSOT102", True),
        (2, 20, "SSOT102", False),
    ]
    assert report.findings[1].message == (
        "legacy.tools is deprecated; use app.tools instead. Not rewritten automatically:"
        " __import__() returns the top-level package, which the new path changes."
    )


def test_scope_errors_ast_accepts_are_not_syntax_errors(tmp_path: Path, registry: Registry) -> None:
    """The fast path's syntax check agrees with `ast`: `nonlocal` at module level parses."""
    write_module(tmp_path, "app/user.py", "import app.old\nnonlocal x\n")
    fast = scan_report([tmp_path], registry)
    full = scan_report([tmp_path], registry, full_parse=True)
    assert fast.errors == full.errors == []
    assert [f.fixable for f in fast.findings] == [f.fixable for f in full.findings] == [True]

"""The check renderers on hand-built reports: escaping, truncation, summary wording."""

from __future__ import annotations

import json

from ssot_registry.render.check_github import render_github
from ssot_registry.render.check_json import render_json
from ssot_registry.render.check_text import render_text
from ssot_registry.validator.report import CheckReport, EntryResult, RootCause

CAUSE = RootCause(
    module="app.db.manager",
    file="/nowhere/app/db/manager.py",
    line=3,
    error="ImportError: 50% broken,\nsecond line",
    entries=tuple(f"e{i}" for i in range(12)),
    chain=("app.s (/nowhere/app/s.py:1)", "app.db.manager (/nowhere/app/db/manager.py:3)"),
)
FAILURES = [
    EntryResult(f"e{i}", "symbol", "fail", "SSOT010", "cannot import app.s: boom", 10 + i)
    for i in range(12)
]
REPORT = CheckReport(
    registry="demo",
    results=(*FAILURES, EntryResult("ok1", "symbol", "ok", None, "app.x:ok1 is a function", 30)),
    root_causes=(CAUSE,),
    source="/nowhere/registry.toml",
)


def test_text_truncates_long_entry_lists_and_counts() -> None:
    """A root cause lists ten entries then says how many more; the summary counts entries."""
    lines = render_text(REPORT).splitlines()
    assert lines[0] == "ssot-registry check: /nowhere/registry.toml (demo)"
    assert lines[3] == "  /nowhere/app/db/manager.py:3: ImportError: 50% broken,"
    assert lines[6] == (
        "    import chain: app.s (/nowhere/app/s.py:1) -> "
        "app.db.manager (/nowhere/app/db/manager.py:3)"
    )
    assert lines[7] == (
        "    breaks 12 entries: e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, ... (2 more)"
    )
    assert lines[-1] == "FAILED: 13 entries checked, 1 passed, 12 failed, 1 root causes"


def test_github_escapes_data_and_properties() -> None:
    """Newlines and percent signs are escaped in messages, commas and colons in properties."""
    first = render_github(REPORT).splitlines()[0]
    assert first == (
        "::error file=/nowhere/app/db/manager.py,line=3,title=root cause::"
        "ImportError: 50%25 broken,%0Asecond line (breaks 12 registry entries)"
    )


def test_json_counts_entries_not_results() -> None:
    """An entry with two findings counts once in the summary and has two results."""
    report = CheckReport(
        "demo",
        (
            EntryResult("a:b", "alias", "ok", None, "a:b -> c:d", 5),
            EntryResult("a:b", "alias", "fail", "SSOT032", "overdue", 5),
        ),
    )
    data = json.loads(render_json(report))
    assert data["summary"] == {"total": 1, "passed": 0, "failed": 1}
    assert [r["code"] for r in data["results"]] == [None, "SSOT032"]
    assert data["registry"] == "demo"

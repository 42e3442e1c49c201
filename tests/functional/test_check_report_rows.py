"""Report correctness (SPEC section 10): which rows an entry gets, under which entry, and why."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import main
from ssot_registry.validator import CheckReport, check


def write_app(root: Path, files: dict[str, str], registry: str) -> Path:
    """Write the modules and a registry.toml (`registry` appended to `[registry]`) under `root`."""
    for relative, source in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(source), encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    path = root / "registry.toml"
    path.write_text('[registry]\nschema = 1\nname = "rows"\n' + textwrap.dedent(registry))
    return path


def rows(report: CheckReport) -> list[tuple[str, str, str, str | None, int | None]]:
    """(entry, kind, status, code, line) of every result."""
    return [(r.entry, r.kind, r.status, r.code, r.line) for r in report.results]


APP = {
    "rw/__init__.py": "",
    "rw/core.py": "def f():\n    return 1\n\n\ndef g():\n    return 2\n",
}


def test_overdue_alias_has_one_failing_row_and_summary_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An overdue alias is one SSOT032 row, no ok row; summary and results count the same."""
    registry = write_app(
        tmp_path,
        APP,
        """\
        version = "2.0"

        [[alias]]
        old = "rw.old:f"
        new = "rw.core:f"
        remove_in = "2.0"

        [[alias]]
        old = "rw.old:g"
        new = "rw.core:g"
        """,
    )
    status = main(["check", "--registry", str(registry), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    assert [(r["entry"], r["status"], r["code"]) for r in data["results"]] == [
        ("rw.old:g", "ok", None),
        ("rw.old:f", "fail", "SSOT032"),
    ]
    assert data["summary"] == {"total": 2, "passed": 1, "failed": 1}


def test_chain_and_cycle_are_reported_under_the_alias_and_never_imported(tmp_path: Path) -> None:
    """SSOT003/004 rows name the alias's old path and line; no import, so no SSOT033 and no
    RecursionError root cause follows from them."""
    registry = write_app(
        tmp_path,
        APP,
        """\
        [[alias]]
        old = "rw.first:f"
        new = "rw.second:f"

        [[alias]]
        old = "rw.second:f"
        new = "rw.core:f"

        [[alias]]
        old = "rw.loop_a"
        new = "rw.loop_b"

        [[alias]]
        old = "rw.loop_b"
        new = "rw.loop_a"
        """,
    )
    report = check(registry, jobs=1)
    assert rows(report) == [
        ("rw.first:f", "alias", "fail", "SSOT003", 4),
        ("rw.loop_a", "alias", "fail", "SSOT004", 12),
        ("rw.loop_b", "alias", "fail", "SSOT004", 16),
        ("rw.second:f", "alias", "ok", None, 8),
    ]
    assert report.root_causes == ()
    assert (report.total, report.passed, report.failed) == (4, 1, 3)
    assert report.results[0].message == (
        "alias[0].new: 'rw.second:f' is itself deprecated (alias of 'rw.core:f', line 8); "
        "set new = 'rw.core:f'"
    )


def test_registry_distribution_not_installed_is_a_finding(tmp_path: Path) -> None:
    """`[registry] distribution` naming nothing installed cannot silently turn SSOT032 off."""
    registry = write_app(
        tmp_path,
        APP,
        """\
        distribution = "rows-not-installed"

        [[alias]]
        old = "rw.old:f"
        new = "rw.core:f"
        remove_in = "0.1"
        """,
    )
    report = check(registry, jobs=1)
    assert not report.ok
    (finding,) = report.results_for("registry", "registry")
    assert (finding.code, finding.line, finding.message) == (
        "SSOT020",
        1,
        "[registry] distribution 'rows-not-installed' is not installed, so overdue aliases "
        "(SSOT032) cannot be found; install it (e.g. pip install -e .) or set [registry] version",
    )


def write_dist_info(site: Path, name: str, version: str) -> None:
    """A real, minimal installed distribution: NAME-VERSION.dist-info/METADATA."""
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")


def test_too_new_distribution_says_downgrade(tmp_path: Path) -> None:
    """SSOT021 says `downgrade` when the installed version is above the allowed range."""
    site = tmp_path / "site"
    write_dist_info(site, "rows-new-dist", "3.2")
    write_dist_info(site, "rows-pinned-dist", "1.5")
    registry = write_app(
        tmp_path / "app",
        {},
        '[requires]\nrows-new-dist = ">=2,<3"\nrows-pinned-dist = "==1.4.*"\n',
    )
    report = check(registry, paths=[site])
    assert [r.message for r in report.results] == [
        "distribution 'rows-new-dist' 3.2 is installed but the registry requires >=2,<3; "
        "downgrade it: pip install 'rows-new-dist>=2,<3'",
        "distribution 'rows-pinned-dist' 1.5 is installed but the registry requires ==1.4.*; "
        "downgrade it: pip install 'rows-pinned-dist==1.4.*'",
    ]


def test_missing_entry_module_of_a_required_distribution_names_it(tmp_path: Path) -> None:
    """When the entry's own module belongs to an uninstalled [requires] distribution (no
    application frame raised), the root cause still names the distribution and specifier."""
    registry = write_app(
        tmp_path,
        {},
        """\
        [requires]
        rows-ghost-dist = ">=2.11.3,<3"

        [symbols]
        Client = "rows_ghost_dist.api:Client"
        """,
    )
    (cause,) = check(registry, jobs=1).root_causes
    assert (cause.module, cause.file, cause.entries) == ("rows_ghost_dist", None, ("Client",))
    assert cause.error == (
        "ModuleNotFoundError: No module named 'rows_ghost_dist' (provided by distribution "
        "'rows-ghost-dist' >=2.11.3,<3 from [requires], which is not installed: "
        "pip install 'rows-ghost-dist>=2.11.3,<3')"
    )


def test_long_alias_chain_is_checked_in_linear_time(tmp_path: Path) -> None:
    """A chain of 4,000 aliases (over 120 s when each link re-walked the chain) is reported
    link by link, each pointing at the final path, well within a minute."""
    count = 4000
    news = [f"lc.m{i + 1}:f" for i in range(count - 1)] + ["rw.core:f"]
    text = "".join(f'\n[[alias]]\nold = "lc.m{i}:f"\nnew = "{new}"\n' for i, new in enumerate(news))
    registry = write_app(tmp_path, APP, text)
    completed = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "check", "--registry", str(registry)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stdout.endswith(
        "FAILED: 4000 entries checked, 1 passed, 3999 failed, 0 root causes\n"
    )
    assert (
        "SSOT003 alias lc.m0:f: alias[0].new: 'lc.m1:f' is itself deprecated "
        "(alias of 'lc.m2:f', line 9); set new = 'rw.core:f'"
    ) in completed.stdout

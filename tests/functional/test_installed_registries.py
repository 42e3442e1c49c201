"""`--installed` (check, scan, migrate, docs, export ruff) and `--ssot-installed` (the plugin):
the registries real installed distributions advertise, found through their dist-info."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.distributions import make_distribution

MOVES = """\
[registry]
schema = 1
name = "movelib"

[[alias]]
old = "movelib.legacy:connect"
new = "movelib.net:connect"
since = "1.0"
"""
USER = "from movelib.legacy import connect\n\nconnect()\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site folder with the library `movelib` and the distribution advertising its moves."""
    site = tmp_path / "site"
    (site / "movelib").mkdir(parents=True)
    (site / "movelib" / "__init__.py").write_text("", encoding="utf-8")
    (site / "movelib" / "net.py").write_text("def connect():\n    return 1\n", encoding="utf-8")
    make_distribution(site, "movelib-moves", "movelib_moves", MOVES)
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An application without a registry of its own that still uses the library's old path."""
    root = tmp_path / "project"
    (root / "app").mkdir(parents=True)
    (root / "app" / "user.py").write_text(USER, encoding="utf-8")
    return root


def run(project: Path, site: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m ssot_registry ARGUMENTS` in `project`, with `site` on the path."""
    return subprocess.run(
        [sys.executable, "-m", "ssot_registry", *arguments],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_scan_uses_installed_registries(project: Path, site: Path) -> None:
    """`scan --installed` finds uses of a path an installed distribution deprecated."""
    result = run(project, site, "scan", "app", "--installed")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == (
        "app/user.py:1:28: SSOT101 movelib.legacy.connect is deprecated since 1.0; "
        "use movelib.net.connect instead."
    )


def test_without_installed_there_is_no_registry(project: Path, site: Path) -> None:
    """Without `--installed` the advertised registries are not used: no registry, exit 2."""
    result = run(project, site, "scan", "app")
    assert result.returncode == 2
    assert "no registry found" in result.stderr


def test_migrate_rewrites_against_installed_registries(project: Path, site: Path) -> None:
    """`migrate --installed --write` rewrites the library's old path in place."""
    result = run(project, site, "migrate", "app", "--installed", "--write")
    assert result.returncode == 0, result.stderr
    assert (project / "app" / "user.py").read_text(encoding="utf-8") == (
        "from movelib.net import connect\n\nconnect()\n"
    )


def test_docs_and_check_cover_the_installed_registry(project: Path, site: Path) -> None:
    """`docs --installed` documents the library's moves; `check --installed` checks them."""
    docs = run(project, site, "docs", "--installed")
    assert docs.returncode == 0, docs.stderr
    assert docs.stdout.startswith("# movelib: import paths\n")
    assert "| `movelib.legacy:connect` | `from movelib.net import connect` | 1.0 |" in docs.stdout
    check = run(project, site, "check", "--installed", "--no-isolate", "--format", "json")
    assert check.returncode == 0, check.stdout + check.stderr
    report = json.loads(check.stdout)
    assert report["registry"] == str(site / "movelib_moves" / "registry.toml")
    assert report["summary"] == {"total": 1, "passed": 1, "failed": 0}


def test_project_registry_and_installed_ones_are_joined(project: Path, site: Path) -> None:
    """The project's registry and the installed ones are used together; an old path in both
    is an error naming both."""
    (project / "registry.toml").write_text(
        '[registry]\nschema = 1\nname = "app"\n\n[[alias]]\nold = "app.oldmod"\nnew = "app.user"\n',
        encoding="utf-8",
    )
    (project / "app" / "caller.py").write_text("import app.oldmod\n", encoding="utf-8")
    result = run(project, site, "scan", "app", "--installed", "--format", "json")
    assert result.returncode == 1, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["by_old"] == {"app.oldmod": 1, "movelib.legacy:connect": 1}
    (project / "registry.toml").write_text(MOVES.replace('"movelib"', '"app"'), encoding="utf-8")
    clash = run(project, site, "scan", "app", "--installed")
    assert clash.returncode == 2
    assert "movelib.legacy:connect is an alias in registry 'app' of 'the project'" in clash.stderr
    assert "and in registry 'movelib' of 'an installed distribution'" in clash.stderr


def test_plugin_installs_the_advertised_registries(
    pytester: pytest.Pytester, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--ssot-installed` installs the installed distributions' registries for the session and
    counts their aliases in the summary."""
    monkeypatch.setenv("PYTHONPATH", str(site))
    pytester.makepyfile(
        test_lib="def test_old():\n    from movelib.legacy import connect\n\n    connect()\n"
    )
    result = pytester.runpytest_subprocess("--ssot-installed", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        ["movelib.legacy:connect -> movelib.net:connect: 1 use, first in test_lib.py::test_old"]
    )
    pytester.makeini("[pytest]\nssot_registry_installed = true\n")
    again = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    again.stdout.fnmatch_lines(["movelib.legacy:connect -> movelib.net:connect: 1 use, *"])


def test_installed_without_any_registry_is_a_usage_error(project: Path, tmp_path: Path) -> None:
    """`--installed` with no registry here and none advertised: exit 2 and what to do."""
    result = run(project, tmp_path / "empty-site", "scan", "app", "--installed")
    assert result.returncode == 2
    assert result.stderr == (
        "ssot-registry: error: --installed: no registry found here and no installed "
        "distribution advertises one (entry-point group 'ssot_registry')\n"
    )


def test_plugin_without_any_advertised_registry_is_a_usage_error(
    pytester: pytest.Pytester,
) -> None:
    """`--ssot-installed` alone with no advertised registry stops pytest with the reason."""
    pytester.makepyfile(test_x="def test_x():\n    pass\n")
    result = pytester.runpytest_subprocess("--ssot-installed", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            "ERROR: ssot-registry: --ssot-installed: no installed distribution advertises a "
            "registry (entry-point group 'ssot_registry')"
        ]
    )

"""`diff REF` on real git repositories made in tmp: moved, renamed, deleted, private names,
a module alias that covers a move, and an alias dropped before its remove_in."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.cli import main
from ssot_registry.diff import DiffError, diff
from ssot_registry.registry import load

Commit = Callable[[dict[str, str | None], str], None]

REGISTRY_BEFORE = """\
    [registry]
    schema = 1
    name = "demo"
    version = "1.5.0"

    [[alias]]
    old = "pkg.compat:Thing"
    new = "pkg.a:kept"
    remove_in = "2.0.0"

    [[alias]]
    old = "pkg.expired:Thing"
    new = "pkg.a:kept"
    remove_in = "1.5.0"
"""

REGISTRY_AFTER = """\
    [registry]
    schema = 1
    name = "demo"
    version = "1.5.0"

    [[alias]]
    old = "pkg.legacy"
    new = "pkg.modern"
"""


@pytest.fixture
def history(repo: Path, commit: Commit, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two commits: v1 with the old layout, v2 after moving, renaming and deleting."""
    commit(
        {
            "pkg/__init__.py": "",
            "pkg/a.py": """\
                def moved(): ...
                def old_name(): ...
                class Deleted: ...
                def _private(): ...
                def kept(): ...
            """,
            "pkg/legacy.py": "VALUE = 1\n",
            "registry.toml": REGISTRY_BEFORE,
        },
        "v1",
    )
    commit(
        {
            "pkg/a.py": "def new_name(): ...\ndef kept(): ...\n",
            "pkg/b.py": "def moved(): ...\n",
            "pkg/legacy.py": None,
            "pkg/modern.py": "VALUE = 1\n",
            "registry.toml": REGISTRY_AFTER,
        },
        "v2",
    )
    monkeypatch.chdir(repo)
    return repo


def test_moved_renamed_deleted_and_dropped_early(history: Path) -> None:
    """A moved function gets an alias proposal, a renamed and a deleted one tombstones, a private
    name nothing, a module alias covers the moved module, and the early drop is SSOT302."""
    report = diff("v1", registry=load(history / "registry.toml"))
    found = [(f.code, f.path, f.proposal.kind if f.proposal else None) for f in report.findings]
    assert found == [
        ("SSOT301", "pkg.a:moved", "alias"),
        ("SSOT301", "pkg.a:old_name", "tombstone"),
        ("SSOT301", "pkg.a:Deleted", "tombstone"),
        ("SSOT302", "pkg.compat:Thing", "alias"),
    ]
    assert report.covered == ["pkg.legacy"]
    moved, renamed, _, dropped = report.findings
    assert moved.proposal is not None
    assert moved.proposal.toml == '[[alias]]\nold = "pkg.a:moved"\nnew = "pkg.b:moved"\n'
    assert moved.proposal.evidence == ("function pkg.b:moved defined at pkg/b.py:1",)
    assert renamed.proposal is not None
    assert renamed.proposal.evidence == (
        "perhaps renamed: function pkg.a:new_name is new in pkg/a.py:1",
    )
    assert renamed.proposal.toml == (
        '[[alias]]\nold = "pkg.a:old_name"\nnew = "<the path that replaces it>"\n'
        'removed_in = "1.5.0"\n'
    )
    assert (dropped.file, dropped.line) == ("registry.toml", 6)
    assert dropped.message == (
        "alias pkg.compat:Thing left the registry at version 1.5.0, before its remove_in 2.0.0; "
        "restore it until then"
    )


def test_registering_the_moves_makes_diff_pass(history: Path, commit: Commit) -> None:
    """With an alias for the move, tombstones for the rest and the early alias restored,
    `diff` exits 0."""
    (history / "registry.toml").write_text(
        REGISTRY_AFTER.replace("    ", "")
        + '\n[[alias]]\nold = "pkg.a:moved"\nnew = "pkg.b:moved"\n'
        + '\n[[alias]]\nold = "pkg.a:old_name"\nnew = "pkg.a:new_name"\nremoved_in = "1.5.0"\n'
        + '\n[[alias]]\nold = "pkg.a:Deleted"\nnew = "pkg.a:kept"\nremoved_in = "1.5.0"\n'
        + '\n[[alias]]\nold = "pkg.compat:Thing"\nnew = "pkg.a:kept"\nremove_in = "2.0.0"\n',
        encoding="utf-8",
    )
    assert main(["diff", "v1"]) == 0


def test_cli_text_json_github_and_exit_statuses(
    history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text lines are `file:line: CODE message` with the proposal; JSON and GitHub carry the
    same findings; an unknown revision is a usage error (exit 2)."""
    assert main(["diff", "v1", "pkg"]) == 1
    text = capsys.readouterr().out
    assert text.startswith(
        "pkg/a.py:1: SSOT301 function pkg.a:moved (at v1: pkg/a.py:1) is gone with no registry "
        "entry; add an alias to pkg.b:moved\n"
        "    # function pkg.b:moved defined at pkg/b.py:1\n"
        "    [[alias]]\n"
        '    old = "pkg.a:moved"\n'
        '    new = "pkg.b:moved"\n'
    )
    assert text.endswith(
        "diff v1: 3 public modules and 4 names before, 4 modules now; 1 removal covered by the "
        "registry, 3 not (SSOT301), 1 entry dropped early (SSOT302)\n"
    )
    assert main(["diff", "v1", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["findings"]] == [
        "pkg.a:moved",
        "pkg.a:old_name",
        "pkg.a:Deleted",
        "pkg.compat:Thing",
    ]
    assert main(["diff", "v1", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith(
        "::error file=pkg/a.py,line=1,title=SSOT301::function pkg.a:moved (at v1: pkg/a.py:1) is "
        "gone with no registry entry; add an alias to pkg.b:moved%0A[[alias]]%0A"
    )
    assert main(["diff", "nope"]) == 2
    assert capsys.readouterr().err == (
        "ssot-registry: error: unknown revision 'nope'; give a commit, branch or tag "
        "(e.g. v1.2.0 or HEAD~1)\n"
    )


def test_not_a_git_work_tree_is_a_usage_error(tmp_path: Path) -> None:
    """Outside a git work tree diff raises DiffError saying so."""
    with pytest.raises(DiffError, match="is not in a git work tree"):
        diff("HEAD", cwd=tmp_path)


def test_real_project_history_packaging_21_to_22(
    repo: Path,
    commit: Commit,
    unpack_wheel: Callable[[str, Path], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """packaging 21.3 -> 22.0 as two commits: LegacyVersion and LegacySpecifier are gone
    (tombstones proposed); once tombstoned in the registry they count as covered."""
    for number, version in enumerate(("21.3", "22.0")):
        unpacked = unpack_wheel(f"packaging=={version}", tmp_path / f"wheel{number}")
        shutil.rmtree(repo / "packaging", ignore_errors=True)
        shutil.copytree(unpacked / "packaging", repo / "packaging")
        commit({}, f"v{version}")
    monkeypatch.chdir(repo)
    report = diff("v21.3", ["packaging"])
    gone = {f.path: f for f in report.findings}
    assert gone["packaging.version:LegacyVersion"].kind == "class"
    assert gone["packaging.specifiers:LegacySpecifier"].line == 227
    assert all(f.code == "SSOT301" for f in report.findings)
    assert len(report.findings) == 33
    (repo / "registry.toml").write_text(
        '[registry]\nschema = 1\nname = "packaging"\nversion = "22.0"\n'
        '\n[[alias]]\nold = "packaging.version:LegacyVersion"\n'
        'new = "packaging.version:Version"\nremoved_in = "22.0"\n'
        '\n[[alias]]\nold = "packaging.specifiers:LegacySpecifier"\n'
        'new = "packaging.specifiers:Specifier"\nremoved_in = "22.0"\n',
        encoding="utf-8",
    )
    covered = diff("v21.3", ["packaging"], registry=load(repo / "registry.toml"))
    assert sorted(covered.covered) == [
        "packaging.specifiers:LegacySpecifier",
        "packaging.version:LegacyVersion",
    ]
    assert len(covered.findings) == 31

"""`ssot-registry adopt` through main(argv): text and JSON reports, -o FILE, exit statuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ssot_registry.cli import main
from ssot_registry.registry import load

WriteTree = Callable[[dict[str, str]], Path]

SHIMS = {
    "pkg/__init__.py": "",
    "pkg/new.py": "def build():\n    return 1\n",
    "pkg/old.py": """\
        import warnings
        from pkg.new import build
        warnings.warn("pkg.old is deprecated since 1.1; use pkg.new", DeprecationWarning)
    """,
}
REGISTRY = '[registry]\nschema = 1\nname = "demo"\n'


@pytest.fixture
def project(write_tree: WriteTree, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tree with one warning re-export shim and a registry, as the current directory."""
    root = write_tree({**SHIMS, "registry.toml": REGISTRY})
    monkeypatch.chdir(root)
    return root


def test_text_report_lists_replaced_lines_and_the_toml(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without -o the report names the shim lines the entries replace and prints the TOML."""
    assert main(["adopt", "pkg"]) == 0
    assert capsys.readouterr().out == (
        "Shim lines the registry now replaces (delete them once the entries are in):\n"
        "  pkg/old.py:1-3: whole module (re-exports build from pkg.new)\n"
        "\n"
        "Entries to add (append them with -o FILE):\n"
        "\n"
        "# adopted from pkg/old.py:2\n"
        "[[alias]]\n"
        'old = "pkg.old:build"\n'
        'new = "pkg.new:build"\n'
        'since = "1.1"\n'
        'reason = "pkg.old is deprecated since 1.1; use pkg.new"\n'
        "\n"
        "adopt: 3 files read, 1 entry to add, 0 already in the registry, 0 contradictions, "
        "0 not understood (SSOT401)\n"
    )


def test_output_appends_once_and_a_second_run_adds_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o registry.toml` appends the entries; adopting again adds nothing and leaves the file
    byte for byte as it was; the registry loads."""
    assert main(["adopt", "pkg", "-o", "registry.toml"]) == 0
    first = (project / "registry.toml").read_text(encoding="utf-8")
    assert first.startswith(REGISTRY + "\n# adopted from pkg/old.py:2\n[[alias]]\n")
    capsys.readouterr()
    assert main(["adopt", "pkg", "-o", "registry.toml"]) == 0
    assert (project / "registry.toml").read_text(encoding="utf-8") == first
    assert capsys.readouterr().out.endswith(
        "adopt: 3 files read, 0 entries to add, 1 already in the registry, 0 contradictions, "
        "0 not understood (SSOT401)\n"
    )
    assert [str(a.old) for a in load(project / "registry.toml").aliases] == ["pkg.old:build"]


def test_json_report_and_exit_1_for_a_shim_not_understood(
    write_tree: WriteTree, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON carries the entries, the SSOT401 problems with file and line, and the TOML; a shim
    not understood makes the exit status 1."""
    root = write_tree(
        {
            **SHIMS,
            "pkg/odd.py": """\
            import warnings
            def __getattr__(name):
                warnings.warn("odd", DeprecationWarning)
                return 42
        """,
        }
    )
    monkeypatch.chdir(root)
    assert main(["adopt", "pkg", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {
        "files": 4,
        "added": 1,
        "present": 0,
        "contradictions": 0,
        "not_understood": 1,
        "unverified": 0,
    }
    assert data["not_understood"] == [
        {
            "code": "SSOT401",
            "file": "pkg/odd.py",
            "line": 2,
            "why": "module __getattr__ warns but looks names up in no dict literal of paths that "
            "adopt can read",
        }
    ]
    assert data["added"][0]["old"] == "pkg.old:build"
    assert data["toml"].startswith("# adopted from pkg/old.py:2\n[[alias]]\n")


def test_verify_on_the_command_line_drops_what_is_not_identical(
    write_tree: WriteTree, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--verify` keeps the identical entry and reports the two delegating copies as SSOT402."""
    root = write_tree(
        {
            **SHIMS,
            "pkg/copy.py": """\
            import warnings
            def build(*args, **kwargs):
                warnings.warn("use pkg.new.build", DeprecationWarning)
                return _build(*args, **kwargs)
            from pkg.new import build as _build
        """,
            "pkg/twin.py": """\
            import warnings
            import pkg.new as _new
            def build(*args, **kwargs):
                warnings.warn("use pkg.new.build", DeprecationWarning)
                return _new.build(*args, **kwargs)
        """,
        }
    )
    monkeypatch.chdir(root)
    assert main(["adopt", "pkg", "--verify"]) == 1
    out = capsys.readouterr().out
    assert (
        "pkg/twin.py:3: SSOT402 pkg.twin:build -> pkg.new:build: gives function pkg.twin.build, "
        "not the identical object (function pkg.new.build)\n"
    ) in out
    assert 'old = "pkg.old:build"' in out
    assert out.endswith("2 failed --verify (SSOT402)\n")


def test_usage_errors_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist is a one-line usage error, exit status 2."""
    assert main(["adopt", "missing"]) == 2
    assert capsys.readouterr().err == "ssot-registry: error: missing: no such file or folder\n"


def test_fragment_file_is_idempotent_too(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o adopted.toml` (a fragment, not the registry) also gains each entry once."""
    assert main(["adopt", "pkg", "-o", "adopted.toml"]) == 0
    first = (project / "adopted.toml").read_text(encoding="utf-8")
    assert first.startswith("# adopted from pkg/old.py:2\n[[alias]]\n")
    assert main(["adopt", "pkg", "-o", "adopted.toml"]) == 0
    assert (project / "adopted.toml").read_text(encoding="utf-8") == first
    assert "0 entries to add, 1 already in the registry" in capsys.readouterr().out

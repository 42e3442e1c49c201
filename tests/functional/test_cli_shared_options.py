"""Options several commands share (`--jobs`/`--timeout`, `-o/--output`) read the same in each."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssot_registry.cli import build_parser, main


@pytest.mark.parametrize("command", ["adopt", "triage", "check"])
@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--jobs", "0", "--jobs 0: must be greater than 0"),
        ("--timeout", "-1", "--timeout -1: must be greater than 0"),
    ],
)
def test_workers_must_be_positive_in_every_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    flag: str,
    value: str,
    message: str,
) -> None:
    """`--jobs` and `--timeout` below 1 are a usage error (exit 2, one line) in adopt, triage
    and check alike."""
    (tmp_path / "registry.toml").write_text('[registry]\nschema = 1\nname = "demo"\n')
    (tmp_path / "mod.py").write_text("X = 1\n")
    argv = [command, *([] if command == "check" else [str(tmp_path / "mod.py")])]
    status = main([*argv, "--registry", str(tmp_path / "registry.toml"), flag, value])
    captured = capsys.readouterr()
    assert (status, captured.out, captured.err) == (2, "", f"ssot-registry: error: {message}\n")


def test_check_and_triage_take_o_for_output() -> None:
    """`-o FILE` is `--output FILE` for check and triage, as it is for diff, scan and compile."""
    parser = build_parser()
    for argv in (["check", "-o", "out.txt"], ["triage", "src", "-o", "out.txt"]):
        assert parser.parse_args(argv).output == "out.txt"

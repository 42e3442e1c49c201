"""Terminal conventions: a description in every `--help`, colour only on a terminal and never
with NO_COLOR (FORCE_COLOR forces it), a progress line only on a terminal's stderr."""

from __future__ import annotations

import argparse
import io
import os
import pty
import select
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import build_parser, main
from ssot_registry.render.terminal import Progress, Style, color_enabled

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "app"

    [[alias]]
    old = "app.old"
    new = "app.new"
    """
)


class TerminalStream(io.StringIO):
    """A text stream that says it is a terminal (what a pty says to `isatty`)."""

    def isatty(self) -> bool:
        return True


def subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every subcommand (nested ones too, such as `export ruff`) with its parser."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(((*prefix, name), sub))
                found += subcommands(sub, (*prefix, name))
    return found


@pytest.mark.parametrize(
    "command", [command for command, _ in subcommands(build_parser())], ids=" ".join
)
def test_every_subcommand_help_has_a_description(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """`ssot-registry COMMAND --help` prints a description paragraph after the usage."""
    parser = dict(subcommands(build_parser()))[command]
    assert parser.description
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    first_words = " ".join(parser.description.split()[:3])
    assert first_words in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    ("environ", "terminal", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_follows_no_color_force_color_and_the_terminal(
    environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    """NO_COLOR wins, then FORCE_COLOR, then TERM=dumb, then whether the stream is a tty."""
    stream = TerminalStream() if terminal else io.StringIO()
    assert color_enabled(stream, environ) is expected
    painted = Style.for_stream(stream, environ).paint("x", "red", "bold")
    assert painted == ("\x1b[31;1mx\x1b[0m" if expected else "x")


def test_progress_draws_and_erases_its_line_only_on_a_terminal() -> None:
    """On a terminal the progress line is drawn, updated and erased; elsewhere nothing."""
    terminal = TerminalStream()
    with Progress("checking", 3, stream=terminal, interval=0) as progress:
        progress.advance()
        progress.advance(2)
    assert terminal.getvalue() == (
        "\r\x1b[2Kchecking: 0/3\r\x1b[2Kchecking: 1/3\r\x1b[2Kchecking: 3/3\r\x1b[2K"
    )
    plain = io.StringIO()
    with Progress("checking", 3, stream=plain, interval=0) as progress:
        progress.advance()
    assert plain.getvalue() == ""


def test_progress_says_the_step_and_waits_for_its_delay() -> None:
    """Called with a step, the line reads `label: step…`; within its delay nothing is drawn
    (triage's line appears only when it takes more than a second)."""
    terminal = TerminalStream()
    with Progress("ssot-registry triage", stream=terminal, enabled=True, interval=0) as progress:
        progress("importing 3 modules")
    assert terminal.getvalue() == (
        "\r\x1b[2Kssot-registry triage…\r\x1b[2Kssot-registry triage: importing 3 modules…\r\x1b[2K"
    )
    waiting = TerminalStream()
    with Progress("ssot-registry triage", stream=waiting, interval=0, delay=3600) as progress:
        progress("importing 3 modules")
    assert waiting.getvalue() == ""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A registry and one module that uses its old path."""
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "user.py").write_text("import app.old\n", encoding="utf-8")
    return tmp_path


def run_on_terminal(project: Path, environ: dict[str, str]) -> str:
    """`ssot-registry scan src` with stdout and stderr on a real pseudo-terminal; its output."""
    controller, terminal = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    process = subprocess.Popen(
        [sys.executable, "-m", "ssot_registry", "scan", "src"],
        cwd=project,
        env={**env, "TERM": "xterm", **environ},
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    chunks = []
    try:
        while select.select([controller], [], [], 60)[0]:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: the process ended
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(controller)
        process.wait(timeout=60)
    return b"".join(chunks).decode()


def test_scan_on_a_terminal_is_coloured_with_a_progress_line(project: Path) -> None:
    """On a terminal, scan's findings are coloured and a progress line is drawn and erased."""
    output = run_on_terminal(project, {})
    assert "\x1b[1msrc/user.py\x1b[0m:1:8: \x1b[31;1mSSOT101\x1b[0m app.old is deprecated" in output
    assert "\r\x1b[2Kssot-registry: scanning…" in output


def test_no_color_on_a_terminal_is_plain(project: Path) -> None:
    """NO_COLOR turns colour off even on a terminal; the progress line stays."""
    output = run_on_terminal(project, {"NO_COLOR": "1"})
    assert "src/user.py:1:8: SSOT101 app.old is deprecated; use app.new instead." in output
    assert "\x1b[31" not in output


def test_redirected_output_is_plain_unless_forced(project: Path) -> None:
    """Piped output has no colour and no progress line; FORCE_COLOR colours it."""
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    piped = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "scan", "src"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.stdout.startswith("src/user.py:1:8: SSOT101 app.old is deprecated;")
    assert piped.stderr == ""
    forced = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "scan", "src"],
        cwd=project,
        env={**env, "FORCE_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert forced.stdout.startswith("\x1b[1msrc/user.py\x1b[0m:1:8: \x1b[31;1mSSOT101\x1b[0m")

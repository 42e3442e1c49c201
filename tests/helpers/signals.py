"""Starting a command that a test will interrupt with Ctrl-C (SIGINT)."""

from __future__ import annotations

import signal

__all__ = ["ctrl_c_reaches_it"]


def ctrl_c_reaches_it() -> None:
    """`preexec_fn` for a command a test sends SIGINT to: a runner started in the background
    (`cmd &` in a script) ignores SIGINT, and the child would inherit that and never see it;
    a terminal's user always reaches the command, so the test starts it as a terminal would."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)

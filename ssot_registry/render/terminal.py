"""Terminal conventions shared by every command: colour and a progress line, only on a terminal.

The rules are pytest's and ruff's:

- colour: never when `NO_COLOR` is set to anything non-empty (https://no-color.org); else
  always when `FORCE_COLOR` is set non-empty; else never when `TERM=dumb`; else only when
  the stream is a terminal. Redirected output (`> file`, `--output FILE`, a pipe) is plain.
- progress: one line on stderr, rewritten in place, only when stderr is a terminal (and
  `TERM` is not `dumb`); it is erased when the work ends, so nothing of it stays in logs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

__all__ = ["Progress", "Style", "color_enabled", "is_terminal"]

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
_ERASE = "\r\x1b[2K"


def is_terminal(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether `stream` is an interactive terminal that understands cursor movement."""
    env = os.environ if environ is None else environ
    if env.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def color_enabled(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour text written to `stream` (NO_COLOR, then FORCE_COLOR, then a tty)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_terminal(stream, env)


@dataclass(frozen=True)
class Style:
    """Paints text with ANSI styles when `enabled`; returns it unchanged otherwise."""

    enabled: bool = False

    @classmethod
    def for_stream(cls, stream: TextIO, environ: Mapping[str, str] | None = None) -> Style:
        """The style for text written to `stream`, by `color_enabled`."""
        return cls(color_enabled(stream, environ))

    def paint(self, text: str, *styles: str) -> str:
        """`text` in the given styles (`bold`, `dim`, `red`, `green`, `yellow`, `cyan`)."""
        if not self.enabled or not styles:
            return text
        return f"\x1b[{';'.join(_CODES[style] for style in styles)}m{text}\x1b[0m"


class Progress:
    """`label: done/total` (or `label: what is being done…`) on one stderr line of a
    terminal, redrawn at most every `interval` seconds, drawn only once `delay` seconds
    have passed, and erased by `close()`; does nothing when not on a terminal.

    Use as a context manager; call `advance()` as items finish, or call it with the step
    being done (from one thread).
    """

    def __init__(
        self,
        label: str,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        interval: float = 0.1,
        delay: float = 0.0,
    ) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.stream = sys.stderr if stream is None else stream
        self.enabled = is_terminal(self.stream) if enabled is None else enabled
        self.interval = interval
        self.note = ""
        self._shown_from = time.monotonic() + delay
        self._drawn_at: float | None = None

    def __enter__(self) -> Progress:
        self._draw()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def advance(self, count: int = 1) -> None:
        """`count` more items are done; redraw when the interval has passed."""
        self.done += count
        self._redraw()

    def __call__(self, note: str) -> None:
        """Say which step is being done (`label: note…`); redraw when the interval has passed."""
        self.note = note
        self._redraw()

    def _redraw(self) -> None:
        now = time.monotonic()
        if self._drawn_at is None or now - self._drawn_at >= self.interval:
            self._draw()

    def text(self) -> str:
        """The line as drawn: `label…`, `label: step…`, `label: 3`, or `label: 3/10`."""
        if self.note:
            return f"{self.label}: {self.note}…"
        if self.total is not None:
            return f"{self.label}: {self.done}/{self.total}"
        return f"{self.label}: {self.done}" if self.done else f"{self.label}…"

    def _draw(self) -> None:
        if not self.enabled or time.monotonic() < self._shown_from:
            return
        self._drawn_at = time.monotonic()
        self.stream.write(f"{_ERASE}{self.text()}")
        self.stream.flush()

    def close(self) -> None:
        """Erase the line (safe to call twice)."""
        if self.enabled and self._drawn_at is not None:
            self.stream.write(_ERASE)
            self.stream.flush()
            self._drawn_at = None

"""Parse TOML text with the standard library (tomli before Python 3.11), keeping the location."""

from __future__ import annotations

import re
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 in CI
    import tomli as tomllib

__all__ = ["TomlSyntaxError", "parse_toml"]

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END = re.compile(r"\s*\(at end of document\)\s*$")


class TomlSyntaxError(ValueError):
    """The text is not TOML; carries the parser's reason, line and column."""

    def __init__(self, reason: str, line: int | None, column: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


def parse_toml(text: str) -> dict[str, Any]:
    """Parse `text`; raise TomlSyntaxError with the line and column of the first error."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error.args[0]) if error.args else str(error)
        line = getattr(error, "lineno", None)
        column = getattr(error, "colno", None)
        match = _AT.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif _END.search(message):
            message = _END.sub("", message)
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
        raise TomlSyntaxError(message, line, column) from None
    except RecursionError:
        raise TomlSyntaxError("values are nested too deeply", None, None) from None
    return data

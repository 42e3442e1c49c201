"""Source files as bytes: decoding (BOM, encoding cookie) and positions."""

from __future__ import annotations

import codecs
import io
import tokenize
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

__all__ = ["Source", "SourceError", "decode_source"]


class SourceError(Exception):
    """A source file cannot be read, decoded, parsed or written; the message says why.

    `line` is the line a syntax error is on, when it is one.
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Source:
    """A decoded source file; positions are UTF-8 byte offsets into `data` (as `ast` reports)."""

    text: str
    encoding: str
    bom: bool
    data: bytes
    starts: list[int]

    @classmethod
    def from_text(cls, text: str, encoding: str = "utf-8", *, bom: bool = False) -> Source:
        """Index `text` by line so that `ast` positions map to offsets."""
        data = text.encode("utf-8")
        starts = [0, *accumulate(map(len, data.splitlines(keepends=True)))]
        return cls(text, encoding, bom, data, starts)

    def offset(self, line: int, col: int) -> int:
        """The offset in `data` of an `ast` (1-based line, 0-based byte column) position."""
        return self.starts[line - 1] + col

    def column(self, line: int, col: int) -> int:
        """The 1-based character column of an `ast` position, as editors count."""
        start = self.starts[line - 1]
        return len(self.data[start : start + col].decode("utf-8", "replace")) + 1

    def line_of(self, offset: int) -> int:
        """The 1-based line holding `offset`."""
        return bisect_right(self.starts, offset)

    def encode(self, data: bytes) -> bytes:
        """UTF-8 `data` (a rewritten text) back in the file's own encoding and BOM."""
        text = data.decode("utf-8")
        raw = text.encode(self.encoding)
        return codecs.BOM_UTF8 + raw if self.bom else raw


def _plain_utf8(raw: bytes) -> str | None:
    """The text of a file without BOM or `coding` in its first two lines, if it is UTF-8.

    `tokenize.detect_encoding` reads only those two lines and returns "utf-8"
    for such a file; None sends every other file (and every error) that way.
    """
    first = raw.find(b"\n")
    second = raw.find(b"\n", first + 1) if first >= 0 else -1
    head = raw if second < 0 else raw[:second]
    if raw.startswith(codecs.BOM_UTF8) or b"coding" in head:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def decode_source(raw: bytes) -> Source:
    """Decode a file's bytes as Python does (BOM, PEP 263 cookie); SourceError if impossible."""
    text = _plain_utf8(raw)
    if text is not None:  # the common case: the bytes are already the UTF-8 `data`
        starts = [0, *accumulate(map(len, raw.splitlines(keepends=True)))]
        return Source(text=text, encoding="utf-8", bom=False, data=raw, starts=starts)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as error:
        raise SourceError(f"cannot decode: {error.msg}") from None
    bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if bom else raw
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        raise SourceError(
            f"line {line}: cannot decode byte 0x{body[error.start]:02x} as {codec}; "
            "save the file as UTF-8 or declare its encoding (PEP 263)"
        ) from None
    return Source.from_text(text, codec, bom=bom)

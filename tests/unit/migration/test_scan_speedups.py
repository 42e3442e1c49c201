"""The scan's fast paths give exactly what their plain versions give (lexing, decoding)."""

from __future__ import annotations

import codecs
import io
import re
import tokenize
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssot_registry.migration.source import Source, SourceError, decode_source
from ssot_registry.migration.textimports import _LEX

# the lexer as first written: one alternation per byte inside every string form
_PLAIN_LEX = re.compile(
    rb'#[^\r\n]*|"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'
    rb"|'''(?:[^'\\]|\\[\s\S]|'(?!''))*'''"
    rb'|"(?:[^"\\\r\n]|\\[\s\S])*"'
    rb"|'(?:[^'\\\r\n]|\\[\s\S])*'"
)

_PIECES = st.sampled_from(
    [b'"', b"'", b'"""', b"'''", b"\\", b"#", b"\n", b"\r", b"\r\n", b"x", b" ", b"f", b"."]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(b"".join))
def test_unrolled_lexer_finds_the_same_strings_and_comments(data: bytes) -> None:
    """Every string and comment span of any mix of quotes, escapes and line breaks is unchanged."""
    assert [found.span() for found in _LEX.finditer(data)] == [
        found.span() for found in _PLAIN_LEX.finditer(data)
    ]


def _decode_plainly(raw: bytes) -> Source:
    """What `decode_source` returns through `tokenize.detect_encoding` alone."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    bom = raw.startswith(codecs.BOM_UTF8)
    body = raw[len(codecs.BOM_UTF8) :] if bom else raw
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    return Source.from_text(body.decode(codec), codec, bom=bom)


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"import os\n",
        b"x = 1\r\ny = 2\rz = 3",
        "name = 'caf\u00e9'\n".encode(),
        b"# -*- coding: latin-1 -*-\nname = '\xe9'\n",
        b"#!/usr/bin/env python\n# coding: cp1252\nname = '\x80'\n",
        codecs.BOM_UTF8 + b"import os\n",
        b"# a comment that says coding but declares none\nx = 1\n",
    ],
)
def test_decoding_fast_path_matches_tokenize(raw: bytes) -> None:
    """UTF-8 files without a cookie skip tokenize and still decode to the same Source."""
    assert decode_source(raw) == _decode_plainly(raw)


def test_undecodable_file_keeps_its_message() -> None:
    """A file that is not UTF-8 and declares nothing still names the line and the byte."""
    with pytest.raises(SourceError) as caught:
        decode_source(b"x = 1\ny = '\xff'\n")
    assert str(caught.value) == (
        "line 2: cannot decode byte 0xff as utf-8; save the file as UTF-8 or declare its"
        " encoding (PEP 263)"
    )


def test_line_starts_cover_every_line_ending() -> None:
    """Line starts count `\\n`, `\\r\\n` and lone `\\r` endings, as `ast` does."""
    raw = b"a\nb\r\nc\rd"
    assert decode_source(raw).starts == [0, *accumulate([2, 3, 2, 1])]

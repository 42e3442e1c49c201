"""The `__future__` probe proves exactly what `ast.parse` accepts, on the running interpreter."""

from __future__ import annotations

import ast
import sysconfig
from pathlib import Path

import pytest

from ssot_registry.migration import syntax

TEXTS = [
    "x = 1\n",
    "nonlocal x\n",
    "return 1\n",
    "await x\n",
    "def f():\n    x = 1\n    global x\n",
    '"""doc"""\nfrom __future__ import annotations\nx: int\n',
    "from __future__ import braces\n",
    "from __future__ import annotations, braces\n",
    "from __future__ import (annotations,\n    braces)\n",
    "x = 1; from __future__ import braces\n",
    "from __future__ import annotations\nx: int = 1\n",
    "x = 1\nfrom __future__ import annotations\n",
    "from __future__ import barry_as_FLUFL\n1 <> 2\n",
    "def (:\n",
    "x = (\n",
    "  x = 1\n",
    "x = 1\n" * 2000 + "y = (\n",
    "f(**x, *y)\n",
    "def f():\n    yield = 3\n",
    "\ufeffx = 1\n",
    "x = 1\x00\n",
]


def _ast_accepts(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def test_the_probe_works_on_this_interpreter() -> None:
    """CPython still parses the whole text before it reads `__future__` imports (else: symtable)."""
    assert syntax.probe_works()


@pytest.mark.parametrize("text", TEXTS)
def test_the_proof_agrees_with_ast(text: str) -> None:
    """A text is proved to parse only when `ast.parse` accepts it, and every text `ast` accepts
    is proved, except future imports the compiler refuses (`braces`: the caller then parses)."""
    proved = syntax.parses(text, "case.py")
    if proved or "__future__" not in text:
        assert proved is _ast_accepts(text)


def test_no_truncated_stdlib_file_is_proved_wrongly() -> None:
    """Real files cut at many places: the probe never proves a text `ast.parse` rejects."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    texts = [path.read_text("utf-8") for path in sorted(stdlib.glob("[a-f]*.py"))[:30]]
    wrong = [
        (number, cut)
        for number, text in enumerate(texts)
        for cut in range(0, len(text), max(1, len(text) // 15))
        if syntax.parses(text[:cut], "cut.py") and not _ast_accepts(text[:cut])
    ]
    assert wrong == []
    assert all(syntax.parses(text, "whole.py") for text in texts)


def test_known_future_imports_keep_the_fast_proof() -> None:
    """`from __future__ import annotations` (common) is proved by the probe, not refused."""
    assert syntax._known_futures_only("from __future__ import annotations\nx: int = 1\n")
    assert not syntax._known_futures_only("from __future__ import annotations, braces\n")
    assert not syntax._known_futures_only("x = '__future__'\n")

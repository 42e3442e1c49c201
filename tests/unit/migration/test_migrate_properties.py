"""Property: for generated modules mixing old and new paths, `migrate` is safe and idempotent."""

from __future__ import annotations

import ast
import difflib
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ssot_registry.migration import migrate
from ssot_registry.registry import load_text
from tests.helpers.migrate import REGISTRY, write_module

TEMPLATES = [
    "import app.old",
    "import app.old.sub as s{n}",
    "from app.old import x{n}",
    "from app.models import Thing",
    "from app.models import Other{n}, Thing",
    "from app.models import (\n    Thing,  # moves\n    Other{n},\n)",
    "from app import old",
    "from app.utils import helper as h{n}",
    "from app.legacy import Gone",
    'mock.patch("app.old.f{n}")',
    "app.old.call{n}()",
    "import app.new",
    "from app.core.things import Other{n}",
    "x{n} = {n}",
    "# a comment about app.old",
    "def f{n}():\n    from app.models import Thing, Other\n    return Thing",
    "if TYPE_CHECKING:\n    from app.old import y{n}",
    "try:\n    import app.old as m{n}\nexcept ImportError:\n    m{n} = None",
]
OLD = re.compile(r"app\.old|app\.models|from app import|app\.utils|app\.legacy")
NEW = re.compile(r"app\.new|app\.core|from app import")

modules = st.lists(
    st.tuples(st.sampled_from(TEMPLATES), st.integers(0, 3)), min_size=1, max_size=12
).map(lambda items: "\n".join(template.format(n=n) for template, n in items) + "\n")


@settings(max_examples=80, deadline=None)
@given(source=modules, newline=st.sampled_from(["\n", "\r\n"]))
def test_migrate_output_parses_is_idempotent_and_local(source: str, newline: str) -> None:
    """Output parses, a second run changes nothing, and only lines holding old paths change."""
    registry = load_text(REGISTRY)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        target = write_module(root, "app/pkg/user.py", source.replace("\n", newline).encode())
        migrate([root], registry, write=True)
        after = target.read_bytes()
        ast.parse(after)
        assert migrate([root], registry, write=True).written == []
        assert target.read_bytes() == after
    text = after.decode()
    if newline == "\r\n":
        assert "\n" not in text.replace("\r\n", "")
    before_lines = source.split("\n")
    after_lines = text.replace("\r\n", "\n").split("\n")
    matcher = difflib.SequenceMatcher(a=before_lines, b=after_lines, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            for line in before_lines[a1:a2]:
                assert OLD.search(line) or line.strip().startswith(("Thing", "Other")), line
        if tag in ("replace", "insert"):
            for line in after_lines[b1:b2]:
                assert NEW.search(line) or OLD.search(line) or line.strip()[:1] in "#O", line

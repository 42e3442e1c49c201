"""Rewrite pairs in the pyupgrade style: inputs that must not change, inputs with their output."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers.migrate import Rewrite

NO_CHANGE = [
    "# from app.old import x\nimport app.newer\n",
    '"""from app.old import x"""\nx = "app.old.f"\n',
    "from app import older\nimport apps.old\n",
    "from app.models import Other\nx.old.f()\n",
    "import app\napp.old_thing()\n",
    "print('app.old.f')\n",
    "from app.core.things import Thing\n",
    "from app.models import *\n",
    'tools = __import__("legacy.tools")\n',  # it returns `legacy`; `app` after a rewrite
]


@pytest.mark.parametrize("source", NO_CHANGE)
def test_no_change(rewrite: Rewrite, source: str) -> None:
    """Code without a deprecated path (comments, docstrings, look-alikes) stays byte for byte."""
    assert rewrite(source) == source.encode()


PAIRS = [
    # import statements
    ("import app.old\n", "import app.new\n"),
    ("import app.old as o\n", "import app.new as o\n"),
    ("import app.old.sub\n", "import app.new.sub\n"),
    ("import os, app.old.sub as s  # keep\n", "import os, app.new.sub as s  # keep\n"),
    # from imports of a moved module
    ("from app.old import x\n", "from app.new import x\n"),
    ("from app.old.sub import x as y\n", "from app.new.sub import x as y\n"),
    ("from  app.old  import  (x,\n   y)  # c\n", "from  app.new  import  (x,\n   y)  # c\n"),
    # from imports of a moved name
    ("from app import old\n", "from app import new as old\n"),
    ("from app import old as o\n", "from app import new as o\n"),
    ("from app.models import Thing\n", "from app.core.things import Thing\n"),
    ("from app.models import Thing as T\n", "from app.core.things import Thing as T\n"),
    ("from app.utils import helper\n", "from app.core.helpers import assist as helper\n"),
    ("from app.utils import helper as h\n", "from app.core.helpers import assist as h\n"),
    ("from app.legacy import Gone\n", "from app.core import Here as Gone\n"),
    ("from app.utils import helper as assist\n", "from app.core.helpers import assist\n"),
    ("from app import old as new\n", "from app import new\n"),
    # splitting when only some names move
    (
        "from app.models import Thing, Other\n",
        "from app.models import Other\nfrom app.core.things import Thing\n",
    ),
    (
        "from app.models import Other, Thing\n",
        "from app.models import Other\nfrom app.core.things import Thing\n",
    ),
    (
        "from app import old, other\nx = 1\n",
        "from app import other\nfrom app import new as old\nx = 1\n",
    ),
    (
        "from app.models import (  # models\n    Other,  # stays\n    Thing,\n    More,\n)\n",
        "from app.models import (  # models\n    Other,  # stays\n    More,\n)\n"
        "from app.core.things import Thing\n",
    ),
    (
        "from app.models import (\n    Other,\n    Thing  # moves\n)\n",
        "from app.models import (\n    Other  # moves\n)\nfrom app.core.things import Thing\n",
    ),
    (
        "from app.models import (\n    Thing,  # moves\n    Other,\n)\n",
        "from app.models import (\n    # moves\n    Other,\n)\nfrom app.core.things import Thing\n",
    ),
    (
        "if x: from app.models import Thing, Other\n",
        "if x: from app.models import Other; from app.core.things import Thing\n",
    ),
    # attribute chains
    ("import app.old\napp.old.f()\n", "import app.new\napp.new.f()\n"),
    (
        "import app.old\nvalue = app.old.sub.CONSTANT\n",
        "import app.new\nvalue = app.new.sub.CONSTANT\n",
    ),
    (
        "from app import models\nmodels.Thing()\n",
        "from app import models\nimport app.core.things\napp.core.things.Thing()\n",
    ),
    (
        "import websockets.client\nwebsockets.client.connect(url)\n",
        "import websockets.client\nimport websockets.asyncio.client\n"
        "websockets.asyncio.client.connect(url)\n",
    ),
    # strings (SSOT102)
    ('mock.patch("app.old.f")\n', 'mock.patch("app.new.f")\n'),
    ("patch('app.models.Thing.save')\n", "patch('app.core.things.Thing.save')\n"),
    ('mock.patch.dict("app.old.CONFIG", {})\n', 'mock.patch.dict("app.new.CONFIG", {})\n'),
    ('importlib.import_module("app.old")\n', 'importlib.import_module("app.new")\n'),
    ('pytest.importorskip("app.old.sub")\n', 'pytest.importorskip("app.new.sub")\n'),
    ('__import__("app.old")\n', '__import__("app.new")\n'),
    (
        'run = __import__("legacy.tools", fromlist=["run"]).run\n',
        'run = __import__("app.tools", fromlist=["run"]).run\n',
    ),
    (
        'monkeypatch.setattr("app.utils.helper", fake)\n',
        'monkeypatch.setattr("app.core.helpers.assist", fake)\n',
    ),
    ("patch(target='app.old.f')\n", "patch(target='app.new.f')\n"),
    # nested places: functions, TYPE_CHECKING, try/except
    (
        "def f():\n    from app.models import Thing, Other\n    return Thing\n",
        "def f():\n    from app.models import Other\n    from app.core.things import Thing\n"
        "    return Thing\n",
    ),
    (
        "if TYPE_CHECKING:\n    from app.old import x\n",
        "if TYPE_CHECKING:\n    from app.new import x\n",
    ),
    (
        "try:\n    import app.old as m\nexcept ImportError:\n    m = None\n",
        "try:\n    import app.new as m\nexcept ImportError:\n    m = None\n",
    ),
    # a file that ends without a newline
    (
        "from app.models import Thing, Other",
        "from app.models import Other\nfrom app.core.things import Thing",
    ),
]


@pytest.mark.parametrize(("source", "expected"), PAIRS)
def test_rewrite(rewrite: Rewrite, source: str, expected: str) -> None:
    """Each form of a deprecated path is rewritten to exactly the expected text."""
    assert rewrite(source).decode() == expected


@pytest.mark.parametrize(("source", "expected"), PAIRS)
def test_rewrite_is_idempotent(rewrite: Rewrite, source: str, expected: str) -> None:
    """A second run over migrated code changes nothing."""
    rewrite(source)
    assert rewrite(expected).decode() == expected


RELATIVE = [
    ("app/user.py", "from .models import Thing\n", "from .core.things import Thing\n"),
    ("app/user.py", "from . import old\n", "from . import new as old\n"),
    ("app/user.py", "from .old import x\n", "from .new import x\n"),
    ("app/pkg/user.py", "from ..old import x\n", "from ..new import x\n"),
    ("app/pkg/user.py", "from ..models import Thing\n", "from ..core.things import Thing\n"),
    ("app/pkg/sub/user.py", "from ...old.sub import x\n", "from ...new.sub import x\n"),
    (
        "app/pkg/sub/user.py",
        "from ... import old, other\n",
        "from ... import other\nfrom ... import new as old\n",
    ),
    ("app/old/__init__.py", "from . import x\n", "from app.new import x\n"),
    ("app/old/mod.py", "from .sub import x\n", "from app.new.sub import x\n"),
    ("app/pkg/user.py", "from .models import Thing\n", "from .models import Thing\n"),
    ("loose.py", "from .models import Thing\n", "from .models import Thing\n"),
]


@pytest.mark.parametrize(("relative", "source", "expected"), RELATIVE)
def test_relative_imports(rewrite: Rewrite, relative: str, source: str, expected: str) -> None:
    """Relative imports resolve from the file's package at every depth and stay relative."""
    assert rewrite(source, relative).decode() == expected


def test_crlf_line_endings_survive(rewrite: Rewrite) -> None:
    """A CRLF file keeps CRLF everywhere, inserted statements included."""
    source = b"from app.models import Thing, Other\r\nx = Thing()\r\n"
    expected = (
        b"from app.models import Other\r\nfrom app.core.things import Thing\r\nx = Thing()\r\n"
    )
    assert rewrite(source) == expected


def test_bom_survives(rewrite: Rewrite) -> None:
    """A UTF-8 BOM stays in front of the rewritten file."""
    assert rewrite(b"\xef\xbb\xbfimport app.old  # \xc3\xa9\n") == (
        b"\xef\xbb\xbfimport app.new  # \xc3\xa9\n"
    )


def test_encoding_cookie_survives(rewrite: Rewrite) -> None:
    """A latin-1 file with its PEP 263 cookie is written back in latin-1."""
    source = b"# -*- coding: latin-1 -*-\n# caf\xe9\nimport app.old\nx = '\xe9'\n"
    expected = b"# -*- coding: latin-1 -*-\n# caf\xe9\nimport app.new\nx = '\xe9'\n"
    assert rewrite(source) == expected


def test_non_ascii_columns(rewrite: Rewrite) -> None:
    """Byte offsets from ast are honoured on lines holding non-ASCII text."""
    source = 'x = "é"; import app.old; y = "ü"\n'
    assert rewrite(source).decode() == 'x = "é"; import app.new; y = "ü"\n'


CLASHES = [
    "import legacy.tools\napp = 1\nlegacy.tools.run()\n",
    "import legacy.tools\nimport legacy.other\nlegacy.other.go()\n",
    "from app import models\napp = make()\nmodels.Thing()\n",
    "from app.core.things import Thing\nfrom app.models import Thing\n",
    "try:\n    from app.new import x\nexcept ImportError:\n    from app.old import x\n",
    "import app.new\nimport app.old\n",
    "from app.core.helpers import assist\nfrom app.utils import helper as assist\n",
    "from app.core.things import Thing as T\nfrom app.models import Thing as T\n",
]


@pytest.mark.parametrize("source", CLASHES)
def test_clashes_and_duplicates_are_left(rewrite: Rewrite, source: str) -> None:
    """A rewrite that would clash with a name or duplicate an import is not made."""
    assert rewrite(source) == source.encode()


def test_top_level_change_rewrites_chains(rewrite: Rewrite) -> None:
    """When the top-level package changes, the import and every chain through it move together."""
    source = "import legacy.tools\nlegacy.tools.run()\n"
    assert rewrite(source).decode() == "import app.tools\napp.tools.run()\n"


def test_dedent_helper_keeps_source() -> None:
    """The pairs above are literal: no indentation is stripped from multi-line cases."""
    assert textwrap.dedent(PAIRS[0][0]) == PAIRS[0][0]

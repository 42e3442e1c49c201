"""`stubs`: the generated `.pyi` files make a real type checker (mypy) flag deprecated imports."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import main

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "shop"
    expose = "shop.api"

    [symbols]
    Cart = { path = "shop.core:Cart", kind = "class" }
    total = "shop.core:total"

    [[alias]]
    old = "shop.legacy:Cart"
    new = "shop.core:Cart"
    since = "1.2"

    [[alias]]
    old = "shop.legacy:total"
    new = "shop.core:total"

    [[alias]]
    old = "shop.legacy:RATE"
    new = "shop.core:RATE"

    [[alias]]
    old = "shop.legacy:Color"
    new = "shop.core:Color"

    [[alias]]
    old = "shop.legacy:cached"
    new = "shop.core:cached"

    [[alias]]
    old = "shop.legacy:helper"
    new = "shop.core.sub:helper"

    [[alias]]
    old = "shop.basket"
    new = "shop.core"

    [[alias]]
    old = "shop.gone:Cart"
    new = "shop.core:Cart"
    removed_in = "1.0"

    [[alias]]
    old = "shop.core_helpers:total"
    new = "shop.core:total"
    """
)

CORE = textwrap.dedent(
    """\
    import enum
    import functools

    RATE = 0.2
    _PRIVATE = "p"


    class Cart:
        def size(self) -> int:
            return 0


    class Color(enum.Enum):
        RED = 1


    def total(cart: Cart) -> float:
        return 1.0


    @functools.lru_cache
    def cached(n: int) -> int:
        return n
    """
)
SUB = "from .core_impl import helper as helper\n"
SUB_IMPL = "def helper(n: int) -> str:\n    return str(n)\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package with a canonical package, an existing old module, and the registry; cwd there."""
    (tmp_path / "shop" / "core").mkdir(parents=True)
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "shop" / "core" / "__init__.py").write_text(CORE, encoding="utf-8")
    (tmp_path / "shop" / "core" / "sub.py").write_text(SUB, encoding="utf-8")
    (tmp_path / "shop" / "core" / "core_impl.py").write_text(SUB_IMPL, encoding="utf-8")
    (tmp_path / "shop" / "core_helpers.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_mypy(project: Path, source: str) -> list[str]:
    """mypy's lines about `user.py` (holding `source`), with the stubs on MYPYPATH."""
    (project / "user.py").write_text(textwrap.dedent(source), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--enable-error-code",
            "deprecated",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "--no-error-summary",
            "user.py",
        ],
        cwd=project,
        env={**os.environ, "MYPYPATH": f"{project / 'typings'}{os.pathsep}{project}"},
        capture_output=True,
        text=True,
        check=False,
    )
    # mypy versions differ in whether they print "builtins."; compare without it
    return [
        line.replace("builtins.", "")
        for line in result.stdout.splitlines()
        if line.startswith("user.py")
    ]


def test_stubs_are_written_for_shims_module_aliases_and_the_facade(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Missing old modules, a moved package's submodules and the facade get stubs; existing
    modules and tombstones do not."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "typings"]) == 0
    written = sorted(str(path.relative_to(project / "typings")) for path in project.rglob("*.pyi"))
    assert written == [
        "shop/api.pyi",
        "shop/basket/__init__.pyi",
        "shop/basket/core_impl.pyi",
        "shop/basket/sub.pyi",
        "shop/legacy.pyi",
    ]
    assert capsys.readouterr().out.startswith("Wrote 5 stub files to typings\n")
    legacy = (project / "typings" / "shop" / "legacy.pyi").read_text(encoding="utf-8")
    assert "from shop.core import Cart as Cart\n" in legacy
    assert "from shop.core import Color as Color\n" in legacy
    assert "from shop.core import cached as cached\n" in legacy
    assert "def total(*args: Any, **kwargs: Any) -> Any: ..." in legacy
    assert "def helper(*args: Any, **kwargs: Any) -> Any: ..." in legacy  # re-export followed
    assert "__all__ = ['Cart', 'Color', 'RATE', 'cached', 'helper', 'total']" in legacy
    sub = (project / "typings" / "shop" / "basket" / "sub.pyi").read_text(encoding="utf-8")
    assert "from shop.core.sub import *\n" in sub
    api = (project / "typings" / "shop" / "api.pyi").read_text(encoding="utf-8")
    assert "from shop.core import Cart as Cart\nfrom shop.core import total as total\n" in api


def test_stubs_never_turn_correct_code_into_a_type_error(project: Path) -> None:
    """Old and canonical classes are interchangeable, the aliased enum is valid, a decorated
    function keeps its attributes, and `from old.sub import x` through a module alias
    resolves: mypy reports only the deprecated plain function."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "typings"]) == 0
    lines = run_mypy(
        project,
        """\
        from shop.legacy import RATE, Cart, Color, cached, total
        from shop.core import Cart as NewCart, Color as NewColor
        from shop.basket.sub import helper as moved_helper
        from shop.basket import _PRIVATE


        def takes_old(cart: Cart) -> int:
            return cart.size()


        def takes_new(cart: NewCart) -> int:
            return cart.size()


        takes_old(NewCart())
        takes_new(Cart())
        color: NewColor = Color.RED
        cached.cache_clear()
        reveal_type(moved_helper(1))
        reveal_type(cached(1))
        reveal_type(RATE)
        reveal_type(total(NewCart()))
        reveal_type(_PRIVATE)
        """,
    )
    assert lines == [
        "user.py:1: error: function shop.legacy.total is deprecated: shop.legacy:total is"
        " deprecated; use shop.core:total instead.  [deprecated]",
        'user.py:19: note: Revealed type is "str"',
        'user.py:20: note: Revealed type is "int"',
        'user.py:21: note: Revealed type is "float"',
        'user.py:22: note: Revealed type is "Any"',
        'user.py:23: note: Revealed type is "Any"',
    ]


def test_stubs_are_deterministic(project: Path) -> None:
    """Two runs write the same bytes."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "one", "--no-import"]) == 0
    assert main(["stubs", "--registry", "registry.toml", "-o", "two", "--no-import"]) == 0
    for first in (project / "one").rglob("*.pyi"):
        second = project / "two" / first.relative_to(project / "one")
        assert first.read_bytes() == second.read_bytes()


def test_mypy_reports_deprecated_imports_through_the_stubs(project: Path) -> None:
    """With the stubs on MYPYPATH, mypy flags the old plain function and keeps canonical types."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "typings"]) == 0
    lines = run_mypy(
        project,
        """\
        from shop.legacy import Cart, total
        from shop.basket import RATE
        import shop.api
        import shop.legacy

        reveal_type(Cart().size())
        reveal_type(RATE)
        reveal_type(shop.api.total)
        shop.legacy.total(Cart())
        """,
    )
    assert lines == [
        "user.py:1: error: function shop.legacy.total is deprecated: shop.legacy:total is"
        " deprecated; use shop.core:total instead.  [deprecated]",
        'user.py:6: note: Revealed type is "int"',
        'user.py:7: note: Revealed type is "float"',
        'user.py:8: note: Revealed type is "def (cart: shop.core.Cart) -> float"',
        "user.py:9: error: function shop.legacy.total is deprecated: shop.legacy:total is"
        " deprecated; use shop.core:total instead.  [deprecated]",
    ]

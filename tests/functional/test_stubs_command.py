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
    RATE = 0.2


    class Cart:
        def size(self) -> int:
            return 0


    def total(cart: Cart) -> float:
        return 1.0
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package with a canonical module, an existing old module, and the registry; cwd there."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "shop" / "core.py").write_text(CORE, encoding="utf-8")
    (tmp_path / "shop" / "core_helpers.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_stubs_are_written_for_shims_module_aliases_and_the_facade(
    project: Path, capsys: pytest.CaptureFixture[str], import_state: None
) -> None:
    """Missing old modules and the facade get stubs; existing modules and tombstones do not."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "typings"]) == 0
    written = sorted(str(path.relative_to(project / "typings")) for path in project.rglob("*.pyi"))
    assert written == ["shop/api.pyi", "shop/basket.pyi", "shop/legacy.pyi"]
    assert capsys.readouterr().out.startswith("Wrote 3 stub files to typings\n")
    legacy = (project / "typings" / "shop" / "legacy.pyi").read_text(encoding="utf-8")
    assert "class Cart(_canonical_0.Cart): ..." in legacy
    assert "def total(*args: Any, **kwargs: Any) -> Any: ..." in legacy
    assert "RATE = _canonical_2.RATE  # kind object: cannot be marked" in legacy
    assert "__all__ = ['Cart', 'RATE', 'total']" in legacy
    api = (project / "typings" / "shop" / "api.pyi").read_text(encoding="utf-8")
    assert "from shop.core import Cart as Cart\nfrom shop.core import total as total\n" in api


def test_stubs_are_deterministic(project: Path, import_state: None) -> None:
    """Two runs write the same bytes."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "one", "--no-import"]) == 0
    assert main(["stubs", "--registry", "registry.toml", "-o", "two", "--no-import"]) == 0
    for first in (project / "one").rglob("*.pyi"):
        second = project / "two" / first.relative_to(project / "one")
        assert first.read_bytes() == second.read_bytes()


def test_mypy_reports_deprecated_imports_through_the_stubs(
    project: Path, import_state: None
) -> None:
    """With the stubs on MYPYPATH, mypy flags the old imports and keeps the canonical types."""
    assert main(["stubs", "--registry", "registry.toml", "-o", "typings"]) == 0
    (project / "user.py").write_text(
        textwrap.dedent(
            """\
            from shop.legacy import Cart, total
            from shop.basket import RATE
            import shop.api

            reveal_type(Cart().size())
            reveal_type(RATE)
            reveal_type(shop.api.total)
            """
        ),
        encoding="utf-8",
    )
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
    lines = [
        line.replace("builtins.", "")
        for line in result.stdout.splitlines()
        if line.startswith("user.py")
    ]
    assert lines == [
        "user.py:1: error: class shop.legacy.Cart is deprecated: shop.legacy:Cart is deprecated"
        " since 1.2; use shop.core:Cart instead.  [deprecated]",
        "user.py:1: error: function shop.legacy.total is deprecated: shop.legacy:total is"
        " deprecated; use shop.core:total instead.  [deprecated]",
        'user.py:5: note: Revealed type is "int"',
        'user.py:6: note: Revealed type is "float"',
        'user.py:7: note: Revealed type is "def (cart: shop.core.Cart) -> float"',
    ]

"""`schema`, `docs` and `explain` through the command line's `main(argv)`."""

from __future__ import annotations

import importlib.metadata
import json
import textwrap
from pathlib import Path

import pytest

from ssot_registry.cli import main

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "shop"

    [requires]
    packaging = ">=23"

    [symbols]
    Cart = { path = "shop.cart:Cart", kind = "class", doc = "The basket." }
    get_cart = "shop.cart:get_cart"

    [[alias]]
    old = "shop.legacy:Cart"
    new = "shop.cart:Cart"
    since = "1.2"
    remove_in = "2.0"
    reason = "one cart module"

    [[alias]]
    old = "shop.basket"
    new = "shop.cart"

    [[alias]]
    old = "shop.old:Cart"
    new = "shop.cart:Cart"
    removed_in = "1.5"

    [[external]]
    old = "websockets.server:WebSocketServerProtocol"
    new = "websockets.asyncio.server:ServerConnection"
    """
)


@pytest.fixture
def registry_file(tmp_path: Path) -> Path:
    """A registry file covering every kind of entry."""
    path = tmp_path / "registry.toml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


def test_schema_is_json_schema_of_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` prints a JSON Schema with the file's tables and forbids unknown keys."""
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) == {"registry", "requires", "symbols", "alias", "external"}
    assert schema["required"] == ["registry"]
    assert schema["additionalProperties"] is False
    alias = schema["$defs"]["AliasSpec"]
    assert alias["properties"]["old"]["description"].startswith("An import path")


def test_docs_renders_copy_paste_imports(
    registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`docs` prints import lines, the alias table and the requirements."""
    assert main(["docs", "--registry", str(registry_file)]) == 0
    page = capsys.readouterr().out
    assert "from shop.cart import Cart\nfrom shop.cart import get_cart\n" in page
    assert (
        "| `shop.legacy:Cart` | `from shop.cart import Cart` | 1.2 | 2.0 | deprecated "
        "| one cart module |"
    ) in page
    assert "| `shop.old:Cart` | `from shop.cart import Cart` |  |  | removed in 1.5 |  |" in page
    assert "| `packaging` | `>=23` |  |" in page


def test_docs_check_detects_an_outdated_page(
    registry_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`docs -o FILE` is deterministic; `--check` exits 0 when current and 1 when not."""
    page = tmp_path / "IMPORTS.md"
    assert main(["docs", "--registry", str(registry_file), "-o", str(page)]) == 0
    first = page.read_bytes()
    assert main(["docs", "--registry", str(registry_file), "-o", str(page)]) == 0
    assert page.read_bytes() == first
    assert main(["docs", "--registry", str(registry_file), "-o", str(page), "--check"]) == 0
    page.write_text("stale", encoding="utf-8")
    assert main(["docs", "--registry", str(registry_file), "-o", str(page), "--check"]) == 1
    assert f"{page} is out of date" in capsys.readouterr().out


def test_docs_check_without_output_is_a_usage_error(
    registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`docs --check` needs the file to compare with: exit 2 and a one-line reason."""
    assert main(["docs", "--registry", str(registry_file), "--check"]) == 2
    assert capsys.readouterr().err == (
        "ssot-registry: error: docs --check needs -o FILE: the page to compare with\n"
    )


@pytest.mark.parametrize(
    ("path", "first_lines", "status"),
    [
        ("shop.cart:Cart", ["shop.cart:Cart: canonical", "  symbol 'Cart', kind class"], 0),
        (
            "shop.legacy:Cart",
            [
                "shop.legacy:Cart: alias",
                "  deprecated alias of shop.cart:Cart",
                "  deprecated since 1.2",
                "  to be removed in 2.0",
                "  reason: one cart module",
            ],
            0,
        ),
        (
            "shop.basket.sub:f",
            ["shop.basket.sub:f: alias", "  deprecated alias of shop.cart.sub:f (through module"],
            0,
        ),
        (
            "shop.old:Cart",
            ["shop.old:Cart: tombstone", "  removed in 1.5; import shop.cart:Cart"],
            0,
        ),
        (
            "websockets.server:WebSocketServerProtocol",
            [
                "websockets.server:WebSocketServerProtocol: external",
                "  deprecated third-party path; use websockets.asyncio.server:ServerConnection",
            ],
            0,
        ),
        (
            "websockets.server.WebSocketServerProtocol",
            ["websockets.server:WebSocketServerProtocol: external"],
            0,
        ),
        ("shop.legacy.Cart", ["shop.legacy:Cart: alias", "  deprecated alias of"], 0),
        ("Cart", ["shop.cart:Cart: canonical", "  symbol 'Cart', kind class"], 0),
        ("shop.nowhere.x", ["shop.nowhere.x: unknown", "  not in the registry"], 1),
        ("shop.nowhere:x", ["shop.nowhere:x: unknown", "  not in the registry"], 1),
    ],
)
def test_explain_classifies_a_path(
    registry_file: Path,
    capsys: pytest.CaptureFixture[str],
    path: str,
    first_lines: list[str],
    status: int,
) -> None:
    """`explain --no-import` says what a path (also in scan's dotted form, or a symbol name)
    is without importing anything."""
    assert main(["explain", "--registry", str(registry_file), "--no-import", path]) == status
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= len(first_lines)
    for expected, actual in zip(first_lines, lines, strict=False):
        assert actual.startswith(expected)


def test_explain_shows_where_the_canonical_object_is_defined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], import_state: None
) -> None:
    """With imports allowed, `explain` names the file and line that define the object."""
    (tmp_path / "shopdef").mkdir()
    (tmp_path / "shopdef" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "shopdef" / "cart.py").write_text("X = 1\n\n\nclass Cart:\n    pass\n")
    registry = tmp_path / "registry.toml"
    registry.write_text(
        '[registry]\nschema = 1\nname = "s"\n[[alias]]\nold = "shopdef.old:Cart"\n'
        'new = "shopdef.cart:Cart"\n',
        encoding="utf-8",
    )
    import sys

    sys.path.insert(0, str(tmp_path))
    assert main(["explain", "--registry", str(registry), "shopdef.old:Cart"]) == 0
    out = capsys.readouterr().out
    assert f"  defined at {tmp_path / 'shopdef' / 'cart.py'}:4\n" in out


def test_explain_rejects_a_malformed_path(
    registry_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed PATH is a usage error with the parser's reason."""
    assert main(["explain", "--registry", str(registry_file), "a..b"]) == 2
    assert capsys.readouterr().err.startswith("ssot-registry: error: 'a..b' is not an import path")


def test_missing_registry_file_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --registry that does not exist is a located one-line error, exit 2."""
    missing = tmp_path / "nope.toml"
    assert main(["docs", "--registry", str(missing)]) == 2
    assert capsys.readouterr().err == (
        f"{missing}: SSOT001 registry file not found; create it or pass --registry FILE\n"
    )


def test_unknown_command_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """A wrong command line exits 2 with one line on stderr."""
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ssot-registry: error: argument COMMAND: invalid choice: 'frobnicate'")
    assert err.count("\n") == 1


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints the version the installed metadata has (one source: _version.py)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    expected = importlib.metadata.version("ssot-registry")
    assert capsys.readouterr().out == f"ssot-registry {expected}\n"


def test_docs_marks_an_overdue_alias(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An alias whose `remove_in` the registry's version has reached is overdue, not just
    deprecated."""
    path = tmp_path / "registry.toml"
    path.write_text(REGISTRY.replace('name = "shop"', 'name = "shop"\nversion = "2.1"'), "utf-8")
    assert main(["docs", "--registry", str(path)]) == 0
    assert (
        "| `shop.legacy:Cart` | `from shop.cart import Cart` | 1.2 | 2.0 | **overdue**: removal "
        "was due in 2.0 (now 2.1) | one cart module |"
    ) in capsys.readouterr().out

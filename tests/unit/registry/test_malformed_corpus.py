"""A corpus of malformed registries: each is a located SSOT001 error, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry import RegistryError
from ssot_registry.cli import main
from ssot_registry.registry import load

HEAD = '[registry]\nschema = 1\nname = "app"\n'
ALIAS = '\n[[alias]]\nold = "{old}"\nnew = "{new}"\n'

# id -> (file bytes, expected line, expected text in the message)
CORPUS: dict[str, tuple[bytes, int, str]] = {
    "empty-file": (b"", 1, "registry: the [registry] table is missing"),
    "unclosed-table-header": (b"[registry\nschema = 1\n", 1, "TOML syntax error"),
    "unterminated-string": (b'[registry]\nschema = 1\nname = "app\n', 3, "TOML syntax error"),
    "duplicate-key": (HEAD.encode() + b'name = "again"\n', 4, "TOML syntax error"),
    "bare-word-value": (b"[registry]\nschema = one\n", 2, "TOML syntax error"),
    "schema-as-string": (b'[registry]\nschema = "1"\nname = "app"\n', 2, "registry.schema:"),
    "schema-version-2": (b'[registry]\nschema = 2\nname = "app"\n', 2, "use one of 1"),
    "name-missing": (b"[registry]\nschema = 1\n", 1, "registry.name: required key is missing"),
    "name-empty": (b'[registry]\nschema = 1\nname = ""\n', 3, "must not be empty"),
    "unknown-top-level-table": (
        HEAD.encode() + b'\n[aliases]\nx = "y"\n',
        5,
        "aliases: unknown key; remove it or use one of: alias, check, external, registry",
    ),
    "unknown-registry-key": (HEAD.encode() + b'nmae = "x"\n', 4, "registry.nmae: unknown key"),
    "call-as-path": (
        (HEAD + ALIAS.format(old="os.system('x')", new="pkg:f")).encode(),
        6,
        "alias[0].old: \"os.system('x')\" is not an import path",
    ),
    "empty-module-part": (
        (HEAD + ALIAS.format(old="a..b", new="c.d")).encode(),
        6,
        "'a..b' is not an import path: the module part 'a..b' has an empty part",
    ),
    "empty-attribute-part": (
        (HEAD + ALIAS.format(old="pkg.mod:", new="pkg.new:f")).encode(),
        6,
        "the attribute part is empty",
    ),
    "empty-module-before-colon": (
        (HEAD + ALIAS.format(old=":attr", new="pkg.new:f")).encode(),
        6,
        "the module part is empty",
    ),
    "keyword-as-module": (
        (HEAD + ALIAS.format(old="import", new="pkg.new")).encode(),
        6,
        "uses the keyword 'import' as a name",
    ),
    "space-in-path": (
        (HEAD + ALIAS.format(old="pkg.old mod", new="pkg.new")).encode(),
        6,
        "'pkg.old mod' is not an import path",
    ),
    "slash-in-path": (
        (HEAD + ALIAS.format(old="pkg/old.py", new="pkg.new")).encode(),
        6,
        "'pkg/old.py' is not an import path",
    ),
    "module-alias-to-attribute": (
        (HEAD + ALIAS.format(old="pkg.old", new="pkg.new:f")).encode(),
        5,
        "a module alias needs a module on both sides",
    ),
    "path-as-integer": (HEAD.encode() + b"\n[[alias]]\nold = 3\nnew = 4\n", 6, "expected a string"),
    "version-not-pep440": (
        (HEAD + ALIAS.format(old="a:f", new="b:f") + 'since = "soon"\n').encode(),
        8,
        "'soon' is not a PEP 440 version",
    ),
    "version-as-float": (
        (HEAD + ALIAS.format(old="a:f", new="b:f") + "since = 1.4\n").encode(),
        8,
        'quote it: "1.4"',
    ),
    "unknown-mode": (
        (HEAD + ALIAS.format(old="a:f", new="b:f") + 'mode = "proxy"\n').encode(),
        8,
        "use one of 'reexport' or 'wrap'",
    ),
    "unknown-category": (
        (HEAD + ALIAS.format(old="a:f", new="b:f") + 'category = "warning"\n').encode(),
        8,
        "use one of 'deprecation', 'pending' or 'future'",
    ),
    "unknown-kind": (
        HEAD.encode() + b'\n[symbols]\nf = { path = "a:f", kind = "fn" }\n',
        6,
        "symbols.f.kind: 'fn' is not allowed",
    ),
    "symbol-name-with-dash": (
        HEAD.encode() + b'\n[symbols]\nmy-func = "a:f"\n',
        6,
        "symbols.my-func: 'my-func' is not a Python identifier; name the symbol as code imports "
        "it (e.g. 'my_func')",
    ),
    "bad-specifier": (
        HEAD.encode() + b'\n[requires]\nmcp = "=>1.0"\n',
        6,
        "'=>1.0' is not a PEP 440 specifier",
    ),
    "bad-distribution-name": (
        HEAD.encode() + b'\n[requires]\n"bad name!" = ">=1"\n',
        6,
        "'bad name!' is not a distribution name",
    ),
    "alias-as-table-not-array": (
        HEAD.encode() + b'\n[alias]\nold = "a:f"\nnew = "b:f"\n',
        5,
        "alias: expected an array",
    ),
    "symbols-not-a-table": (b"symbols = 5\n" + HEAD.encode(), 1, "symbols: expected a table"),
    "not-utf8": (HEAD.encode() + b'\n[symbols]\nf = "caf\xe9:f"\n', 6, "byte 0xe9 is not UTF-8"),
    "deep-nesting": (HEAD.encode() + b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\n", 1, ""),
}


def write(tmp_path: Path, data: bytes) -> Path:
    """Write the registry bytes to a fresh registry.toml."""
    path = tmp_path / "registry.toml"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "line", "text"), CORPUS.values(), ids=CORPUS.keys())
def test_malformed_registry_is_a_located_ssot001(
    tmp_path: Path, data: bytes, line: int, text: str
) -> None:
    """Loading raises RegistryError with code SSOT001, the expected line and message."""
    path = write(tmp_path, data)
    with pytest.raises(RegistryError) as caught:
        load(path)
    error = caught.value
    assert (error.code, error.line, error.path) == ("SSOT001", line, path)
    assert text in str(error)
    assert str(error).startswith(f"{path}:{line}")


@pytest.mark.parametrize(("data", "line", "text"), CORPUS.values(), ids=CORPUS.keys())
def test_malformed_registry_exits_2_with_located_message(
    tmp_path: Path, data: bytes, line: int, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command reading a malformed registry exits 2 and prints `FILE:LINE:`, no traceback."""
    path = write(tmp_path, data)
    assert main(["docs", "--registry", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:{line}")
    assert "Traceback" not in err


def test_ten_megabyte_registry_reports_the_bad_line(tmp_path: Path) -> None:
    """A 10 MB registry with one bad entry at the end names that entry's line."""
    body = "".join(ALIAS.format(old=f"pkg.old{i}:f", new=f"pkg.new{i}:f") for i in range(200_000))
    text = HEAD + body + ALIAS.format(old="pkg.bad..path:f", new="pkg.ok:f")
    assert len(text) > 10_000_000
    path = write(tmp_path, text.encode())
    with pytest.raises(RegistryError) as caught:
        load(path)
    assert caught.value.line == text.count("\n") - 1
    assert "'pkg.bad..path:f' is not an import path" in str(caught.value)


def test_command_line_never_shows_a_traceback(tmp_path: Path) -> None:
    """The installed command prints the located error and exits 2 in a real subprocess."""
    path = write(tmp_path, CORPUS["call-as-path"][0])
    result = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "docs", "--registry", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:6: SSOT001 alias[0].old:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["empty-file", "call-as-path", "not-utf8", "unknown-mode"])
def test_check_exits_2_on_an_unusable_registry(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` on an SSOT001 file exits 2 with the located message and no traceback."""
    data, line, text = CORPUS[case]
    path = write(tmp_path, data)
    assert main(["check", "--registry", str(path), "--no-isolate"]) == 2
    captured = capsys.readouterr()
    assert f"{path}:{line}" in captured.err + captured.out
    assert text in captured.err + captured.out
    assert "Traceback" not in captured.err + captured.out


def test_check_reports_static_findings_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SSOT002-005 are findings: `check` reports them with their lines and exits 1."""
    text = (
        HEAD
        + ALIAS.format(old="pkg.a:f", new="pkg.b:f")
        + ALIAS.format(old="pkg.b:f", new="pkg.c:f")
    )
    path = write(tmp_path, text.encode())
    assert main(["check", "--registry", str(path), "--no-isolate"]) == 1
    out = capsys.readouterr().out
    assert "SSOT003" in out
    assert "'pkg.b:f' is itself deprecated (alias of 'pkg.c:f', line 9)" in out

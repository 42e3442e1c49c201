"""What the loader accepts: exact identifiers, no coercion, located errors, usable files only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ssot_registry import RegistryError
from ssot_registry.cli import main
from ssot_registry.reading import read_at_most
from ssot_registry.registry import find_registry, load, load_text
from ssot_registry.registry.environment import env_flag

HEAD = '[registry]\nschema = 1\nname = "x"\n'


def _problems(text: str) -> list[str]:
    with pytest.raises(RegistryError) as caught:
        load_text(text)
    return [str(problem) for problem in caught.value.errors]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "pkg.mod\\n",
            "'pkg.mod\\n' is not an import path: the module part 'pkg.mod\\n' has 'mod\\n', "
            "which is not a Python identifier (e.g. 'pkg.module' or 'pkg.module:Name')",
        ),
        (
            "pkg.a²",
            "'pkg.a²' is not an import path: the module part 'pkg.a²' has 'a²', "
            "which is not a Python identifier (e.g. 'pkg.module' or 'pkg.module:Name')",
        ),
        (
            "pkg:f\\t",
            "'pkg:f\\t' is not an import path: the attribute part 'f\\t' has 'f\\t', "
            "which is not a Python identifier (e.g. 'pkg.module' or 'pkg.module:Name')",
        ),
        (
            "pkg.ﬁle",
            "'pkg.ﬁle' is not an import path: the module part 'pkg.ﬁle' has 'ﬁle', "
            "which Python code reads as 'file'; write 'file' (e.g. 'pkg.module' or "
            "'pkg.module:Name')",
        ),
    ],
    ids=["trailing-newline", "superscript-digit", "trailing-tab", "ligature"],
)
def test_paths_are_exact_identifiers(path: str, expected: str) -> None:
    """Nothing but dotted Python identifiers passes: no trailing junk, no lookalike digits."""
    assert _problems(HEAD + f'\n[symbols]\na = "{path}"\n') == [
        f"<registry>:6: SSOT001 symbols.a.path: {expected}"
    ]


def test_non_ascii_identifiers_that_python_accepts_are_paths() -> None:
    """`café.thé:Crème` is a valid import path, as it is valid Python."""
    registry = load_text(HEAD + '\n[symbols]\nc = "café.thé:Crème"\n')
    assert str(registry.symbols["c"].path) == "café.thé:Crème"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", "expected an integer, got a boolean (True); write schema = 1"),
        ("1.0", "expected an integer, got a float (1.0); write schema = 1"),
    ],
)
def test_schema_is_not_coerced_from_booleans_or_floats(value: str, expected: str) -> None:
    """`schema = true` and `schema = 1.0` are errors, not the integer 1."""
    text = f'[registry]\nschema = {value}\nname = "x"\n'
    assert _problems(text) == [f"<registry>:2: SSOT001 registry.schema: {expected}"]


def test_strings_are_not_coerced_from_numbers_or_booleans() -> None:
    """A boolean name or a number version is reported, not turned into a string."""
    text = "[registry]\nschema = 1\nname = true\nversion = 2\n"
    assert _problems(text) == [
        "<registry>:3: SSOT001 registry.name: expected a string, got a boolean (True)",
        "<registry>:4: SSOT001 registry.version: expected a string, got an integer (2); "
        'quote it: "2"',
    ]


def test_unknown_registry_key_suggests_the_registry_tables_keys() -> None:
    """`verison` in [registry] lists [registry]'s own keys, not the top-level tables."""
    assert _problems(HEAD + 'verison = "1.0"\n') == [
        "<registry>:4: SSOT001 registry.verison: unknown key; remove it or use one of: "
        "category, distribution, expose, name, schema, version"
    ]


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\u2029"])
def test_line_separators_inside_strings_do_not_shift_lines(separator: str) -> None:
    """U+2028, NEL and friends inside a string are no new lines: the next error keeps its line."""
    text = HEAD + f'\n[[alias]]\nold = "a:f"\nnew = "b:f"\nreason = "x{separator}y"\nmood = 1\n'
    assert _problems(text) == [
        "<registry>:9: SSOT001 alias[0].mood: unknown key; remove it or use one of: "
        "category, mode, new, old, reason, remove_in, removed_in, since"
    ]


@pytest.mark.parametrize(
    "text",
    [
        HEAD + 'doc = """abc',
        HEAD + 'doc = """abc\n',
        HEAD + "x = [1,\n\n\n",
        HEAD + 'name = "x\x00"\n',
        "a = 1\n\x00",
        HEAD + '[symbols]\nf = "a:b"\ng = ',
    ],
    ids=["open-string", "open-string-newline", "open-array", "nul", "trailing-nul", "no-value"],
)
def test_no_error_names_a_line_past_the_end(text: str) -> None:
    """Every TOML error names a line of the file (a final newline starts no new line)."""
    with pytest.raises(RegistryError) as caught:
        load_text(text)
    last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    assert all(
        problem.line is not None and 1 <= problem.line <= last for problem in caught.value.errors
    )


def test_one_distribution_spelled_two_ways_is_a_duplicate() -> None:
    """`My-Dist` and `my_dist` are one distribution (PEP 503): SSOT002."""
    text = HEAD + '\n[requires]\nMy-Dist = ">=1"\nother = ""\nmy_dist = "<3"\n'
    assert _problems(text) == [
        "<registry>:8: SSOT002 requires.my_dist: 'my_dist' is the same distribution as "
        "'My-Dist' (line 6): names differing only in case, '-', '_' and '.' are equal; "
        "keep one entry"
    ]


@pytest.mark.parametrize(
    ("pyproject", "expected"),
    [
        (
            '[tool.ssot_registry]\nregistry = "r.toml"\n',
            "pyproject.toml:1: SSOT001 tool.ssot_registry: [tool.ssot_registry] is not a table "
            "ssot-registry reads; rename it to [tool.ssot-registry]",
        ),
        (
            '[tool.ssot-registry]\nregisty = "r.toml"\n',
            "pyproject.toml:2: SSOT001 tool.ssot-registry.registy: unknown key 'registy'; "
            "remove it or use one of: registry",
        ),
        (
            '[tool]\nssot-registry = "r.toml"\n',
            "pyproject.toml:2: SSOT001 tool.ssot-registry: must be a table, "
            'e.g. [tool.ssot-registry] registry = "..."',
        ),
        (
            "[project]\nname = 'x'\n\n[tool.ssot-registry]\n",
            "pyproject.toml:4: SSOT001 tool.ssot-registry: has no registry key; "
            'add registry = "registry.toml"',
        ),
        (
            '[tool.ssot-registry]\nregistry = "r.toml\n',
            "pyproject.toml:2: SSOT001 TOML syntax error: illegal character '\\n'; "
            "fix the file so that [tool.ssot-registry] can be read",
        ),
    ],
    ids=["underscore", "misspelt-key", "not-a-table", "empty-table", "broken-toml"],
)
def test_a_mistyped_or_broken_pyproject_table_is_an_error(
    tmp_path: Path, pyproject: str, expected: str
) -> None:
    """`[tool.ssot-registry]` that is there but unusable is a located SSOT001, not ignored."""
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    (tmp_path / "registry.toml").write_text(HEAD, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        find_registry(None, tmp_path)
    assert str(caught.value) == f"{tmp_path.resolve()}/{expected}"


def test_a_broken_pyproject_without_our_table_is_not_our_business(tmp_path: Path) -> None:
    """Broken TOML that never mentions ssot-registry leaves ./registry.toml as the answer."""
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "registry.toml").write_text(HEAD, encoding="utf-8")
    assert find_registry(None, tmp_path) == tmp_path.resolve() / "registry.toml"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), (" YES ", True), ("On", True), ("0", False), ("", False),
     ("no", False), ("off", False), ("false", False)],
)  # fmt: skip
def test_both_boolean_variables_read_the_same_spellings(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    """SSOT_REGISTRY_NO_CACHE and SSOT_REGISTRY_STRICT share one parser."""
    from ssot_registry.runtime.installation import _strict_from_environment

    monkeypatch.setenv("SSOT_REGISTRY_NO_CACHE", value)
    monkeypatch.setenv("SSOT_REGISTRY_STRICT", value)
    assert env_flag("SSOT_REGISTRY_NO_CACHE") is expected
    assert _strict_from_environment() is expected


def _check_exit(registry: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", "--registry", registry])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_not_a_registry(capsys: pytest.CaptureFixture[str]) -> None:
    """`--registry /dev/zero` is one line and exit 2, not a MemoryError."""
    assert _check_exit("/dev/zero", capsys) == (
        2,
        "/dev/zero: SSOT001 is a character device, not a registry file; pass the TOML file\n",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_not_a_registry(tmp_path: Path) -> None:
    """`--registry FIFO` answers at once (exit 2) instead of waiting for a writer."""
    fifo = tmp_path / "registry.toml"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "ssot_registry", "check", "--registry", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (
        2,
        f"{fifo}: SSOT001 is a FIFO, not a registry file; pass the TOML file\n",
    )


def test_a_huge_file_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file over 64 MiB (sparse here: nothing is written) is refused before reading."""
    huge = tmp_path / "registry.toml"
    with huge.open("wb") as stream:
        stream.truncate(65 * 2**20)
    assert _check_exit(str(huge), capsys) == (
        2,
        f"{huge}: SSOT001 is 65 MiB, more than a registry can be (64 MiB); "
        "pass the registry TOML file\n",
    )
    with pytest.raises(RegistryError, match="is 65 MiB"):
        load(huge)


def test_reading_follows_a_file_that_grew_since_its_size_was_taken(tmp_path: Path) -> None:
    """The bytes read are the whole file even when it is longer than its size said, up to the
    limit (one read for the size taken, more while the file goes on)."""
    grown = tmp_path / "registry.toml"
    grown.write_bytes(bytes(range(256)) * 1024)
    descriptor = os.open(grown, os.O_RDONLY)
    try:
        assert read_at_most(descriptor, 10 * 2**20, 10) == grown.read_bytes()
        os.lseek(descriptor, 0, os.SEEK_SET)
        assert read_at_most(descriptor, 100_000, 10) == grown.read_bytes()[:100_000]
    finally:
        os.close(descriptor)

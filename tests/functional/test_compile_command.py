"""`ssot-registry compile` and the compiled registry that loads without pydantic or packaging."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
import venv
from pathlib import Path

import pytest

from ssot_registry import load
from ssot_registry._version import __version__
from ssot_registry.cli import main
from ssot_registry.exceptions import RegistryError

REPO = Path(__file__).resolve().parents[2]
REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "app"

    [requires]
    wrapt = { version = ">=1.14", modules = ["wrapt"] }

    [symbols]
    Thing = { path = "app.core:Thing", kind = "class", doc = "The thing" }

    [[alias]]
    old = "app.old:Thing"
    new = "app.core:Thing"
    since = "1.4.0"
    remove_in = "2.0.0"

    [[alias]]
    old = "app.legacy"
    new = "app.core"

    [[external]]
    old = "websockets.client:connect"
    new = "websockets.asyncio.client:connect"
    """
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder (the current directory) holding registry.toml."""
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_compile_writes_a_registry_that_loads_the_same(project: Path) -> None:
    """`compile -o FILE` writes JSON whose load() has exactly the tables of the TOML file."""
    assert main(["compile", "--registry", "registry.toml", "-o", "registry.json"]) == 0
    compiled = load(project / "registry.json")
    assert compiled.tables == load(project / "registry.toml").tables
    assert compiled.source == project / "registry.json"
    document = json.loads((project / "registry.json").read_text(encoding="utf-8"))
    assert [document[key] for key in ("format", "version", "ssot_registry", "source")] == [
        "ssot-registry-compiled",
        1,
        __version__,
        "registry.toml",
    ]


def test_compile_prints_deterministic_json(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without `-o` the JSON goes to stdout, identical on every run."""
    assert main(["compile"]) == 0
    first = capsys.readouterr().out
    assert main(["compile"]) == 0
    assert capsys.readouterr().out == first
    assert json.loads(first)["tables"][0][0] == "app"


def test_compile_refuses_an_invalid_registry(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A registry with findings is not compiled: exit 2 and the located error."""
    (project / "registry.toml").write_text(REGISTRY + '\n[[alias]]\nold = "app.old:Thing"\n')
    assert main(["compile", "-o", "out.json"]) == 2
    assert capsys.readouterr().err.startswith(f"{project / 'registry.toml'}:")
    assert not (project / "out.json").exists()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda document: {**document, "ssot_registry": "0.0.1"},
            f"compiled by ssot-registry 0.0.1, this is {__version__};"
            " run `ssot-registry compile` again",
        ),
        (
            lambda document: {**document, "format": "other"},
            "not a compiled registry (no 'format': 'ssot-registry-compiled');"
            " run `ssot-registry compile` again",
        ),
        (
            lambda document: {key: v for key, v in document.items() if key != "tables"},
            "the compiled registry's tables are damaged (expected the registry's tables); "
            "run `ssot-registry compile` again",
        ),
    ],
)
def test_unusable_compiled_registry_is_ssot001(project: Path, edit: object, message: str) -> None:
    """A compiled file from another version, or not one at all, is a located SSOT001 error."""
    main(["compile", "-o", "registry.json"])
    target = project / "registry.json"
    document = json.loads(target.read_text(encoding="utf-8"))
    target.write_text(json.dumps(edit(document)), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(RegistryError) as raised:
        load(target)
    assert str(raised.value.errors[0]) == f"{target}: SSOT001 {message}"


SCRIPT = """\
import sys, warnings
import ssot_registry
registry = ssot_registry.load(sys.argv[1])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with ssot_registry.install(sys.argv[1]):
        from app.old import Thing
        import app.core
        assert Thing is app.core.Thing
print(registry, len(caught), sorted({"pydantic", "packaging"} & set(sys.modules)))
"""


def _wheels_only_venv(folder: Path) -> Path:
    """A fresh venv holding only wrapt, importlib-metadata, zipp and typing-extensions."""
    venv.create(folder, with_pip=True)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--only-binary=:all:",
            "wrapt",
            "importlib-metadata",
            "zipp",
            "typing-extensions",
        ],
        check=True,
        capture_output=True,
    )
    return python


def test_compiled_registry_needs_neither_pydantic_nor_packaging(project: Path) -> None:
    """In a venv without pydantic or packaging, load() and install() work from the JSON."""
    main(["compile", "-o", "registry.json"])
    app = project / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "core.py").write_text("class Thing:\n    pass\n")
    python = _wheels_only_venv(project / "venv")
    missing = subprocess.run(
        [str(python), "-c", "import pydantic"], capture_output=True, text=True, check=False
    )
    assert "No module named 'pydantic'" in missing.stderr
    result = subprocess.run(
        [str(python), "-c", SCRIPT, "registry.json"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{project}"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout == "<Registry 'app': 1 symbols, 2 aliases, 1 externals> 1 []\n"

"""The shims in a fresh interpreter: an application installs its registry in its own __init__."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="needs subprocesses, which Pyodide does not have"
)

REGISTRY = """\
[registry]
schema = 1
name = "shop"

[[alias]]
old = "shop.old_tasks"
new = "shop.tasks"
since = "1.2"

[[alias]]
old = "shop.old_jobs"
new = "shop.jobs"

[[alias]]
old = "shop.orders:make_order"
new = "shop.tasks:make_order"
"""

FILES = {
    "shop/__init__.py": """\
        from pathlib import Path

        import ssot_registry

        ssot_registry.install(Path(__file__).with_name("registry.toml"))
        """,
    "shop/registry.toml": REGISTRY,
    "shop/orders.py": "REAL = True\n",
    "shop/tasks.py": """\
        def make_order():
            return "order"


        if __name__ == "__main__":
            print(f"tasks ran as {__name__}")
        """,
    "shop/jobs/__init__.py": "",
    "shop/jobs/__main__.py": "print('jobs package ran')\n",
    "client.py": """\
        import shop.old_tasks
        from shop.orders import make_order

        print(shop.old_tasks.make_order() == make_order())
        """,
}


@pytest.fixture
def app_root(write_tree) -> Path:
    """A real application folder with a registry installed from its top-level package."""
    return write_tree(FILES)


def _run(root: Path, *arguments: str, strict: bool = False) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root)}
    environment.pop("PYTHONWARNINGS", None)  # the interpreter's default filters
    environment.pop("SSOT_REGISTRY_STRICT", None)
    if strict:
        environment["SSOT_REGISTRY_STRICT"] = "1"
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_python_m_runs_the_canonical_module_under_its_old_name(app_root: Path) -> None:
    """`python -m shop.old_tasks` runs shop.tasks as __main__ and warns about the old name."""
    result = _run(app_root, "-m", "shop.old_tasks")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "tasks ran as __main__\n"
    assert result.stderr == (
        "<python -m shop.old_tasks>:0: DeprecatedAliasWarning: shop.old_tasks is deprecated "
        "since 1.2; use shop.tasks instead.\n"
    )


def test_python_m_of_an_old_module_in_strict_mode_fails(app_root: Path) -> None:
    """With SSOT_REGISTRY_STRICT=1, `python -m shop.old_tasks` exits 1 with the hint."""
    result = _run(app_root, "-m", "shop.old_tasks", strict=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.endswith(
        ": shop.old_tasks is deprecated since 1.2; use shop.tasks instead.\n"
    )


def test_python_m_runs_an_old_package_main(app_root: Path) -> None:
    """`python -m shop.old_jobs` runs the canonical package's __main__."""
    result = _run(app_root, "-m", "shop.old_jobs")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "jobs package ran\n"


def test_warnings_name_the_clients_lines(app_root: Path) -> None:
    """A client script sees the canonical objects and each warning points at its own line."""
    result = _run(app_root, "client.py")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True\n"
    client = app_root / "client.py"
    assert textwrap.dedent(result.stderr).splitlines() == [
        f"{client}:1: DeprecatedAliasWarning: shop.old_tasks is deprecated since 1.2; "
        "use shop.tasks instead.",
        "  import shop.old_tasks",
        f"{client}:2: DeprecatedAliasWarning: shop.orders:make_order is deprecated; "
        "use shop.tasks:make_order instead.",
        "  from shop.orders import make_order",
    ]


def test_strict_environment_fails_the_old_import(app_root: Path) -> None:
    """SSOT_REGISTRY_STRICT=1 turns the old import into an ImportError with the hint."""
    environment = {**os.environ, "PYTHONPATH": str(app_root), "SSOT_REGISTRY_STRICT": "1"}
    result = subprocess.run(
        [sys.executable, "-c", "import shop.old_tasks"],
        cwd=app_root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ImportError: shop.old_tasks is deprecated since 1.2; use shop.tasks instead."
    )

"""Write `tests/`: the seed report's integration-test tree, in miniature, against `broken/`.

Run once (`python examples/netra/generate_tests.py`); the files are
committed. Each group of test files imports one thing the way it was before
the refactoring, so the tree reproduces the seed's seven root causes:

| group | what the tests import | why it breaks |
|---|---|---|
| tools | `netra_backend.app.tools:is_supported` | moved to `tools.versions` |
| db | `netra_backend.app.transaction_errors` | module moved to `app.db` |
| core | `netra_backend.core.tools.versions`, `...core.db...` | `core` became `app` |
| agents | `...supervisor.execution_factory:ExecutionFactory` | renamed (engine factory) |
| websocket | `...websocket_core.unified_manager` | `TimeoutError` deleted, a chain breaks |
| mcp | `...mcp_integration.server` | the `mcp` distribution is not installed |
| llm | `SSotMockFactory.create_mock_llm_manager()` at import | a missing test helper |
| smoke | `netra_backend.app.tools.versions` | nothing: these import |
"""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE / "tests"

GROUPS = {
    "tools": (
        90,
        "test_tool_versions_{n:03d}",
        "from netra_backend.app.tools import is_supported\n",
        'assert is_supported("1.{n}")',
    ),
    "db": (
        60,
        "test_transaction_errors_{n:03d}",
        "from netra_backend.app.transaction_errors import DeadlockError, TransactionError\n",
        "assert issubclass(DeadlockError, TransactionError)",
    ),
    "core": (
        40,
        "test_core_versions_{n:03d}",
        "from netra_backend.core.tools.versions import is_supported\n",
        'assert not is_supported("0.{n}")',
    ),
    "core_db": (
        40,
        "test_core_errors_{n:03d}",
        "from netra_backend.core.db.transaction_errors import DeadlockError\n",
        'assert DeadlockError("deadlock {n}").args',
    ),
    "agents": (
        20,
        "test_execution_factory_{n:03d}",
        "from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory\n",
        'assert ExecutionFactory().create_for_user("user-{n}").user_id == "user-{n}"',
    ),
    "websocket": (
        30,
        "test_websocket_events_{n:03d}",
        "from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager\n",
        "manager = UnifiedWebSocketManager()\n"
        '    manager.broadcast_system_message("agent_started {n}")\n'
        "    assert manager.sent",
    ),
    "mcp": (
        15,
        "test_mcp_tools_{n:03d}",
        "from netra_backend.app.mcp_integration.server import list_tools\n",
        "assert list_tools() == []",
    ),
    "llm": (
        10,
        "test_llm_mocks_{n:03d}",
        "from test_framework.ssot.mock_factory import SSotMockFactory\n\n"
        "LLM_MANAGER = SSotMockFactory.create_mock_llm_manager()\n",
        "assert LLM_MANAGER is not None",
    ),
    "smoke": (
        8,
        "test_smoke_{n:03d}",
        "from netra_backend.app.tools.versions import is_supported\n",
        'assert is_supported("2.{n}")',
    ),
}

CONFTEST = '''"""Integration tests run against the broken application tree next to this folder."""

import sys
from pathlib import Path

BACKEND = str(Path(__file__).resolve().parents[1] / "broken")
if BACKEND not in sys.path:
    sys.path.append(BACKEND)
'''

MOCK_FACTORY = '''"""The test suite's one mock factory (SSOT): `create_mock` only, so far."""

from unittest import mock


class SSotMockFactory:
    """Creates mocks for integration tests."""

    @staticmethod
    def create_mock(name: str) -> mock.MagicMock:
        """A named MagicMock."""
        return mock.MagicMock(name=name)
'''


def write_tree() -> int:
    """Write every file; return how many test modules were written."""
    shutil.rmtree(TESTS, ignore_errors=True)
    (TESTS / "test_framework" / "ssot").mkdir(parents=True)
    (TESTS / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (TESTS / "test_framework" / "__init__.py").write_text('"""Test helpers."""\n')
    (TESTS / "test_framework" / "ssot" / "__init__.py").write_text('"""SSOT helpers."""\n')
    (TESTS / "test_framework" / "ssot" / "mock_factory.py").write_text(MOCK_FACTORY)
    written = 0
    for group, (count, name, imports, body) in GROUPS.items():
        folder = TESTS / "integration" / group
        folder.mkdir(parents=True)
        for n in range(1, count + 1):
            text = (
                f'"""Integration test {n} of the {group} group."""\n\n'
                f"{imports}\n\n"
                f"def test_{group}_{n:03d}() -> None:\n"
                f'    """{group} case {n}."""\n'
                f"    {body.format(n=n)}\n"
            )
            (folder / f"{name.format(n=n)}.py").write_text(text, encoding="utf-8")
            written += 1
    return written


if __name__ == "__main__":
    print(f"wrote {write_tree()} test modules under {TESTS}")

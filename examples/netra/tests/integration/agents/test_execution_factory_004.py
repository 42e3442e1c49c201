"""Integration test 4 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_004() -> None:
    """agents case 4."""
    assert ExecutionFactory().create_for_user("user-4").user_id == "user-4"

"""Integration test 1 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_001() -> None:
    """agents case 1."""
    assert ExecutionFactory().create_for_user("user-1").user_id == "user-1"

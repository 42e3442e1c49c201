"""Integration test 20 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_020() -> None:
    """agents case 20."""
    assert ExecutionFactory().create_for_user("user-20").user_id == "user-20"

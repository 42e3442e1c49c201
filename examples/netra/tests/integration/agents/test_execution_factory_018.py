"""Integration test 18 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_018() -> None:
    """agents case 18."""
    assert ExecutionFactory().create_for_user("user-18").user_id == "user-18"

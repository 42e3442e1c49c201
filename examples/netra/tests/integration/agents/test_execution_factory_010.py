"""Integration test 10 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_010() -> None:
    """agents case 10."""
    assert ExecutionFactory().create_for_user("user-10").user_id == "user-10"

"""Integration test 3 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_003() -> None:
    """agents case 3."""
    assert ExecutionFactory().create_for_user("user-3").user_id == "user-3"

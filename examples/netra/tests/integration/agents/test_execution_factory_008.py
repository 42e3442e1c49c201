"""Integration test 8 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_008() -> None:
    """agents case 8."""
    assert ExecutionFactory().create_for_user("user-8").user_id == "user-8"

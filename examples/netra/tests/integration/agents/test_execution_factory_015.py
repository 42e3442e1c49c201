"""Integration test 15 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_015() -> None:
    """agents case 15."""
    assert ExecutionFactory().create_for_user("user-15").user_id == "user-15"

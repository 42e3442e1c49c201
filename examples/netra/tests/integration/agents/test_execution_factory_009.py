"""Integration test 9 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_009() -> None:
    """agents case 9."""
    assert ExecutionFactory().create_for_user("user-9").user_id == "user-9"

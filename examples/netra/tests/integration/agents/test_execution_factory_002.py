"""Integration test 2 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_002() -> None:
    """agents case 2."""
    assert ExecutionFactory().create_for_user("user-2").user_id == "user-2"

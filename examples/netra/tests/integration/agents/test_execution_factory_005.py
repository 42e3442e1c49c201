"""Integration test 5 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_005() -> None:
    """agents case 5."""
    assert ExecutionFactory().create_for_user("user-5").user_id == "user-5"

"""Integration test 11 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_011() -> None:
    """agents case 11."""
    assert ExecutionFactory().create_for_user("user-11").user_id == "user-11"

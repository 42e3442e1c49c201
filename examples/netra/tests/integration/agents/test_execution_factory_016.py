"""Integration test 16 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_016() -> None:
    """agents case 16."""
    assert ExecutionFactory().create_for_user("user-16").user_id == "user-16"

"""Integration test 6 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_006() -> None:
    """agents case 6."""
    assert ExecutionFactory().create_for_user("user-6").user_id == "user-6"

"""Integration test 12 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_012() -> None:
    """agents case 12."""
    assert ExecutionFactory().create_for_user("user-12").user_id == "user-12"

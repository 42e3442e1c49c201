"""Integration test 7 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_007() -> None:
    """agents case 7."""
    assert ExecutionFactory().create_for_user("user-7").user_id == "user-7"

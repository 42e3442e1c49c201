"""Integration test 17 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_017() -> None:
    """agents case 17."""
    assert ExecutionFactory().create_for_user("user-17").user_id == "user-17"

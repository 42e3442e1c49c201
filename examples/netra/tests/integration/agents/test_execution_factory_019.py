"""Integration test 19 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_019() -> None:
    """agents case 19."""
    assert ExecutionFactory().create_for_user("user-19").user_id == "user-19"

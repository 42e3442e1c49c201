"""Integration test 13 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_013() -> None:
    """agents case 13."""
    assert ExecutionFactory().create_for_user("user-13").user_id == "user-13"

"""Integration test 14 of the agents group."""

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory


def test_agents_014() -> None:
    """agents case 14."""
    assert ExecutionFactory().create_for_user("user-14").user_id == "user-14"

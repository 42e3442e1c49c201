"""Integration test 13 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_013() -> None:
    """mcp case 13."""
    assert list_tools() == []

"""Integration test 10 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_010() -> None:
    """mcp case 10."""
    assert list_tools() == []

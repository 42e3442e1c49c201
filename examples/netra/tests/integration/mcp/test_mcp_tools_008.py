"""Integration test 8 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_008() -> None:
    """mcp case 8."""
    assert list_tools() == []

"""Integration test 4 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_004() -> None:
    """mcp case 4."""
    assert list_tools() == []

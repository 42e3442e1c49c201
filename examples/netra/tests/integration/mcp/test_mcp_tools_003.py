"""Integration test 3 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_003() -> None:
    """mcp case 3."""
    assert list_tools() == []

"""Integration test 2 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_002() -> None:
    """mcp case 2."""
    assert list_tools() == []

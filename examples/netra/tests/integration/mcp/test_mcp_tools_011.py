"""Integration test 11 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_011() -> None:
    """mcp case 11."""
    assert list_tools() == []

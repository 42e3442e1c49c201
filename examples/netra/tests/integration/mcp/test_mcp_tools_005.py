"""Integration test 5 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_005() -> None:
    """mcp case 5."""
    assert list_tools() == []

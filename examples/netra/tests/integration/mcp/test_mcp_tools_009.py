"""Integration test 9 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_009() -> None:
    """mcp case 9."""
    assert list_tools() == []

"""Integration test 6 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_006() -> None:
    """mcp case 6."""
    assert list_tools() == []

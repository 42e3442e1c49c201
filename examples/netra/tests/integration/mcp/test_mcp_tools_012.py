"""Integration test 12 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_012() -> None:
    """mcp case 12."""
    assert list_tools() == []

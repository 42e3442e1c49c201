"""Integration test 15 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_015() -> None:
    """mcp case 15."""
    assert list_tools() == []

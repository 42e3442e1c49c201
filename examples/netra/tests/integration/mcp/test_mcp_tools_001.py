"""Integration test 1 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_001() -> None:
    """mcp case 1."""
    assert list_tools() == []

"""Integration test 7 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_007() -> None:
    """mcp case 7."""
    assert list_tools() == []

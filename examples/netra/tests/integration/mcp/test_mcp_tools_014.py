"""Integration test 14 of the mcp group."""

from netra_backend.app.mcp_integration.server import list_tools


def test_mcp_014() -> None:
    """mcp case 14."""
    assert list_tools() == []

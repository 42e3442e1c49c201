"""Integration test 66 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_066() -> None:
    """tools case 66."""
    assert is_supported("1.66")

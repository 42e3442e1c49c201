"""Integration test 55 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_055() -> None:
    """tools case 55."""
    assert is_supported("1.55")

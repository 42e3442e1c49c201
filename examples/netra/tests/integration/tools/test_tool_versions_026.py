"""Integration test 26 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_026() -> None:
    """tools case 26."""
    assert is_supported("1.26")

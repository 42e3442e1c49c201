"""Integration test 88 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_088() -> None:
    """tools case 88."""
    assert is_supported("1.88")

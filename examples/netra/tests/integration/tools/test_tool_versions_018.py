"""Integration test 18 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_018() -> None:
    """tools case 18."""
    assert is_supported("1.18")

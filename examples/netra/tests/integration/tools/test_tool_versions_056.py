"""Integration test 56 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_056() -> None:
    """tools case 56."""
    assert is_supported("1.56")

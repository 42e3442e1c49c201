"""Integration test 48 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_048() -> None:
    """tools case 48."""
    assert is_supported("1.48")

"""Integration test 74 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_074() -> None:
    """tools case 74."""
    assert is_supported("1.74")

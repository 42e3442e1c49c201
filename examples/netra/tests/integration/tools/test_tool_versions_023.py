"""Integration test 23 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_023() -> None:
    """tools case 23."""
    assert is_supported("1.23")

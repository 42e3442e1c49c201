"""Integration test 9 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_009() -> None:
    """tools case 9."""
    assert is_supported("1.9")

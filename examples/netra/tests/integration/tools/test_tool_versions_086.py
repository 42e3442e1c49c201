"""Integration test 86 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_086() -> None:
    """tools case 86."""
    assert is_supported("1.86")

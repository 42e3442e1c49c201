"""Integration test 24 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_024() -> None:
    """tools case 24."""
    assert is_supported("1.24")

"""Integration test 17 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_017() -> None:
    """tools case 17."""
    assert is_supported("1.17")

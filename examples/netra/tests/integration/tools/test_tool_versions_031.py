"""Integration test 31 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_031() -> None:
    """tools case 31."""
    assert is_supported("1.31")

"""Integration test 10 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_010() -> None:
    """tools case 10."""
    assert is_supported("1.10")

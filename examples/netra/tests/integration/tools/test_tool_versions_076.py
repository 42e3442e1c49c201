"""Integration test 76 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_076() -> None:
    """tools case 76."""
    assert is_supported("1.76")

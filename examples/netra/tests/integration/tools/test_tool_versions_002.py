"""Integration test 2 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_002() -> None:
    """tools case 2."""
    assert is_supported("1.2")

"""Integration test 35 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_035() -> None:
    """tools case 35."""
    assert is_supported("1.35")

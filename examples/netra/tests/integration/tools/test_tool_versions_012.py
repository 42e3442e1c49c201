"""Integration test 12 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_012() -> None:
    """tools case 12."""
    assert is_supported("1.12")

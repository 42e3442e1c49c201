"""Integration test 90 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_090() -> None:
    """tools case 90."""
    assert is_supported("1.90")

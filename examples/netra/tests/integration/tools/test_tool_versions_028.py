"""Integration test 28 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_028() -> None:
    """tools case 28."""
    assert is_supported("1.28")

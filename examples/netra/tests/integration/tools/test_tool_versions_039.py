"""Integration test 39 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_039() -> None:
    """tools case 39."""
    assert is_supported("1.39")

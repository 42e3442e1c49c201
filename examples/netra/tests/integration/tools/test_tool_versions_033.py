"""Integration test 33 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_033() -> None:
    """tools case 33."""
    assert is_supported("1.33")

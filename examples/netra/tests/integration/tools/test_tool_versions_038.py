"""Integration test 38 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_038() -> None:
    """tools case 38."""
    assert is_supported("1.38")

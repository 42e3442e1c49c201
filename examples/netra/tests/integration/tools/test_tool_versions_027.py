"""Integration test 27 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_027() -> None:
    """tools case 27."""
    assert is_supported("1.27")

"""Integration test 41 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_041() -> None:
    """tools case 41."""
    assert is_supported("1.41")

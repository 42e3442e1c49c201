"""Integration test 78 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_078() -> None:
    """tools case 78."""
    assert is_supported("1.78")

"""Integration test 80 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_080() -> None:
    """tools case 80."""
    assert is_supported("1.80")

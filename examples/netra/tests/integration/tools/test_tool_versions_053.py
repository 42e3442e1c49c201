"""Integration test 53 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_053() -> None:
    """tools case 53."""
    assert is_supported("1.53")

"""Integration test 1 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_001() -> None:
    """tools case 1."""
    assert is_supported("1.1")

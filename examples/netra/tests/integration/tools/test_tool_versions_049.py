"""Integration test 49 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_049() -> None:
    """tools case 49."""
    assert is_supported("1.49")

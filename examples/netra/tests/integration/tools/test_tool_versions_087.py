"""Integration test 87 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_087() -> None:
    """tools case 87."""
    assert is_supported("1.87")

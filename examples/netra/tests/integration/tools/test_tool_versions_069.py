"""Integration test 69 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_069() -> None:
    """tools case 69."""
    assert is_supported("1.69")

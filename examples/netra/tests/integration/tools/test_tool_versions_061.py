"""Integration test 61 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_061() -> None:
    """tools case 61."""
    assert is_supported("1.61")

"""Integration test 5 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_005() -> None:
    """tools case 5."""
    assert is_supported("1.5")

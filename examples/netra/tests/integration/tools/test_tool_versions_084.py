"""Integration test 84 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_084() -> None:
    """tools case 84."""
    assert is_supported("1.84")

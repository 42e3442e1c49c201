"""Integration test 3 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_003() -> None:
    """tools case 3."""
    assert is_supported("1.3")

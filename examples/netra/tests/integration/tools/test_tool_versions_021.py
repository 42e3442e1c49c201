"""Integration test 21 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_021() -> None:
    """tools case 21."""
    assert is_supported("1.21")

"""Integration test 70 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_070() -> None:
    """tools case 70."""
    assert is_supported("1.70")

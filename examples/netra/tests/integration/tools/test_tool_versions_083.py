"""Integration test 83 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_083() -> None:
    """tools case 83."""
    assert is_supported("1.83")

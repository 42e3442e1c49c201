"""Integration test 58 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_058() -> None:
    """tools case 58."""
    assert is_supported("1.58")

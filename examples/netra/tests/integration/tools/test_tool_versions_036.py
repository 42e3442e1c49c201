"""Integration test 36 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_036() -> None:
    """tools case 36."""
    assert is_supported("1.36")

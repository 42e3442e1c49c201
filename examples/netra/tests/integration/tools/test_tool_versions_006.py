"""Integration test 6 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_006() -> None:
    """tools case 6."""
    assert is_supported("1.6")

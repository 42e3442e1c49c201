"""Integration test 72 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_072() -> None:
    """tools case 72."""
    assert is_supported("1.72")

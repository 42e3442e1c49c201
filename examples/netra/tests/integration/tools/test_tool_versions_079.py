"""Integration test 79 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_079() -> None:
    """tools case 79."""
    assert is_supported("1.79")

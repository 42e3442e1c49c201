"""Integration test 34 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_034() -> None:
    """tools case 34."""
    assert is_supported("1.34")

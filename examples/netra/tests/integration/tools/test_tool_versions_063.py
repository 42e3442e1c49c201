"""Integration test 63 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_063() -> None:
    """tools case 63."""
    assert is_supported("1.63")

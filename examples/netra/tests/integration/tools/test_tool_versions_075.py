"""Integration test 75 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_075() -> None:
    """tools case 75."""
    assert is_supported("1.75")

"""Integration test 29 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_029() -> None:
    """tools case 29."""
    assert is_supported("1.29")

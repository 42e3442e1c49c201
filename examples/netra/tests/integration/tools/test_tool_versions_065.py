"""Integration test 65 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_065() -> None:
    """tools case 65."""
    assert is_supported("1.65")

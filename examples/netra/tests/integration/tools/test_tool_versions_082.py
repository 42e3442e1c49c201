"""Integration test 82 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_082() -> None:
    """tools case 82."""
    assert is_supported("1.82")

"""Integration test 15 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_015() -> None:
    """tools case 15."""
    assert is_supported("1.15")

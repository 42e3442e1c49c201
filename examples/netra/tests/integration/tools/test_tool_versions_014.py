"""Integration test 14 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_014() -> None:
    """tools case 14."""
    assert is_supported("1.14")

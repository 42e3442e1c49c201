"""Integration test 89 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_089() -> None:
    """tools case 89."""
    assert is_supported("1.89")

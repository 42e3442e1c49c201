"""Integration test 40 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_040() -> None:
    """tools case 40."""
    assert is_supported("1.40")

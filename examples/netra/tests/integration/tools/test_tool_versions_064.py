"""Integration test 64 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_064() -> None:
    """tools case 64."""
    assert is_supported("1.64")

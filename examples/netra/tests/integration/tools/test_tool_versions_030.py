"""Integration test 30 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_030() -> None:
    """tools case 30."""
    assert is_supported("1.30")

"""Integration test 19 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_019() -> None:
    """tools case 19."""
    assert is_supported("1.19")

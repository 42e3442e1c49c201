"""Integration test 77 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_077() -> None:
    """tools case 77."""
    assert is_supported("1.77")

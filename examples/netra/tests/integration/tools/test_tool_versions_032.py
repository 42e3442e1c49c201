"""Integration test 32 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_032() -> None:
    """tools case 32."""
    assert is_supported("1.32")

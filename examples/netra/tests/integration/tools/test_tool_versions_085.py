"""Integration test 85 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_085() -> None:
    """tools case 85."""
    assert is_supported("1.85")

"""Integration test 46 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_046() -> None:
    """tools case 46."""
    assert is_supported("1.46")

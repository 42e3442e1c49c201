"""Integration test 37 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_037() -> None:
    """tools case 37."""
    assert is_supported("1.37")

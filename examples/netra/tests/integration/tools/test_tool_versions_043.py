"""Integration test 43 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_043() -> None:
    """tools case 43."""
    assert is_supported("1.43")

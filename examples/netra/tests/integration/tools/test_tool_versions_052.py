"""Integration test 52 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_052() -> None:
    """tools case 52."""
    assert is_supported("1.52")

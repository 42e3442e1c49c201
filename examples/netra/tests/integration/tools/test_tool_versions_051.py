"""Integration test 51 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_051() -> None:
    """tools case 51."""
    assert is_supported("1.51")

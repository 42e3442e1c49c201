"""Integration test 44 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_044() -> None:
    """tools case 44."""
    assert is_supported("1.44")

"""Integration test 47 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_047() -> None:
    """tools case 47."""
    assert is_supported("1.47")

"""Integration test 13 of the tools group."""

from netra_backend.app.tools import is_supported


def test_tools_013() -> None:
    """tools case 13."""
    assert is_supported("1.13")

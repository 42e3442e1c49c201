"""Integration test 16 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_016() -> None:
    """core_db case 16."""
    assert DeadlockError("deadlock 16").args

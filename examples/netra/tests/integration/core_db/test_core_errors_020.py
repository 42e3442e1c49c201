"""Integration test 20 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_020() -> None:
    """core_db case 20."""
    assert DeadlockError("deadlock 20").args

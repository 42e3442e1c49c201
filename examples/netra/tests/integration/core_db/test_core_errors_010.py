"""Integration test 10 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_010() -> None:
    """core_db case 10."""
    assert DeadlockError("deadlock 10").args

"""Integration test 28 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_028() -> None:
    """core_db case 28."""
    assert DeadlockError("deadlock 28").args

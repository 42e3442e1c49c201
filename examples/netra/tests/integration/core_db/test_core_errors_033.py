"""Integration test 33 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_033() -> None:
    """core_db case 33."""
    assert DeadlockError("deadlock 33").args

"""Integration test 12 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_012() -> None:
    """core_db case 12."""
    assert DeadlockError("deadlock 12").args

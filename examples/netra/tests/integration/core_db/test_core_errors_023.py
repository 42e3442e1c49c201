"""Integration test 23 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_023() -> None:
    """core_db case 23."""
    assert DeadlockError("deadlock 23").args

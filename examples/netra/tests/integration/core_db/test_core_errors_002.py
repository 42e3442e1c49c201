"""Integration test 2 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_002() -> None:
    """core_db case 2."""
    assert DeadlockError("deadlock 2").args

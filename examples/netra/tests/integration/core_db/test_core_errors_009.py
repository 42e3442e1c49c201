"""Integration test 9 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_009() -> None:
    """core_db case 9."""
    assert DeadlockError("deadlock 9").args

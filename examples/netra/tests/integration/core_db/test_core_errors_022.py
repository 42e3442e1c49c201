"""Integration test 22 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_022() -> None:
    """core_db case 22."""
    assert DeadlockError("deadlock 22").args

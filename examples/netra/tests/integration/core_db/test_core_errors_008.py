"""Integration test 8 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_008() -> None:
    """core_db case 8."""
    assert DeadlockError("deadlock 8").args

"""Integration test 3 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_003() -> None:
    """core_db case 3."""
    assert DeadlockError("deadlock 3").args

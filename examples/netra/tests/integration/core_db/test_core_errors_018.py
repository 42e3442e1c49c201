"""Integration test 18 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_018() -> None:
    """core_db case 18."""
    assert DeadlockError("deadlock 18").args

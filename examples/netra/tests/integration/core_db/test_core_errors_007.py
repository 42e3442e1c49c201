"""Integration test 7 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_007() -> None:
    """core_db case 7."""
    assert DeadlockError("deadlock 7").args

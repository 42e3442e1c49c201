"""Integration test 11 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_011() -> None:
    """core_db case 11."""
    assert DeadlockError("deadlock 11").args

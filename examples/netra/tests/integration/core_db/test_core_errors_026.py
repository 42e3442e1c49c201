"""Integration test 26 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_026() -> None:
    """core_db case 26."""
    assert DeadlockError("deadlock 26").args

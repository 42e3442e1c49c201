"""Integration test 31 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_031() -> None:
    """core_db case 31."""
    assert DeadlockError("deadlock 31").args

"""Integration test 34 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_034() -> None:
    """core_db case 34."""
    assert DeadlockError("deadlock 34").args

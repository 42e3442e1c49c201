"""Integration test 29 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_029() -> None:
    """core_db case 29."""
    assert DeadlockError("deadlock 29").args

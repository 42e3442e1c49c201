"""Integration test 39 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_039() -> None:
    """core_db case 39."""
    assert DeadlockError("deadlock 39").args

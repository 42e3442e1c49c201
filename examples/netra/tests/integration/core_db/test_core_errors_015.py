"""Integration test 15 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_015() -> None:
    """core_db case 15."""
    assert DeadlockError("deadlock 15").args

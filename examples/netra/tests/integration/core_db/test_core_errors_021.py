"""Integration test 21 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_021() -> None:
    """core_db case 21."""
    assert DeadlockError("deadlock 21").args

"""Integration test 1 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_001() -> None:
    """core_db case 1."""
    assert DeadlockError("deadlock 1").args

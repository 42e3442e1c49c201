"""Integration test 4 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_004() -> None:
    """core_db case 4."""
    assert DeadlockError("deadlock 4").args

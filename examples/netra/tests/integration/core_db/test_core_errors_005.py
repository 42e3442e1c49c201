"""Integration test 5 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_005() -> None:
    """core_db case 5."""
    assert DeadlockError("deadlock 5").args

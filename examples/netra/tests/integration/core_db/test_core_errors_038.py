"""Integration test 38 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_038() -> None:
    """core_db case 38."""
    assert DeadlockError("deadlock 38").args

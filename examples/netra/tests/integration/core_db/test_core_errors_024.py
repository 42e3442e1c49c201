"""Integration test 24 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_024() -> None:
    """core_db case 24."""
    assert DeadlockError("deadlock 24").args

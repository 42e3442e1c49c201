"""Integration test 25 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_025() -> None:
    """core_db case 25."""
    assert DeadlockError("deadlock 25").args

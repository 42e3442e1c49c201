"""Integration test 19 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_019() -> None:
    """core_db case 19."""
    assert DeadlockError("deadlock 19").args

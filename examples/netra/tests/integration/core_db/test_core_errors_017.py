"""Integration test 17 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_017() -> None:
    """core_db case 17."""
    assert DeadlockError("deadlock 17").args

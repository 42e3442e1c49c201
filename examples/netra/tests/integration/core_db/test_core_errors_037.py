"""Integration test 37 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_037() -> None:
    """core_db case 37."""
    assert DeadlockError("deadlock 37").args

"""Integration test 13 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_013() -> None:
    """core_db case 13."""
    assert DeadlockError("deadlock 13").args

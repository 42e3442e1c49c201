"""Integration test 40 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_040() -> None:
    """core_db case 40."""
    assert DeadlockError("deadlock 40").args

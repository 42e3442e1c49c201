"""Integration test 6 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_006() -> None:
    """core_db case 6."""
    assert DeadlockError("deadlock 6").args

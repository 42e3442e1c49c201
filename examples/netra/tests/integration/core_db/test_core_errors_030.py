"""Integration test 30 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_030() -> None:
    """core_db case 30."""
    assert DeadlockError("deadlock 30").args

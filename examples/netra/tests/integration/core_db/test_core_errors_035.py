"""Integration test 35 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_035() -> None:
    """core_db case 35."""
    assert DeadlockError("deadlock 35").args

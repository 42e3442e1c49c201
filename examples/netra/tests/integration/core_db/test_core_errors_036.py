"""Integration test 36 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_036() -> None:
    """core_db case 36."""
    assert DeadlockError("deadlock 36").args

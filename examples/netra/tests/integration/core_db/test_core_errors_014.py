"""Integration test 14 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_014() -> None:
    """core_db case 14."""
    assert DeadlockError("deadlock 14").args

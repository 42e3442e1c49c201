"""Integration test 27 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_027() -> None:
    """core_db case 27."""
    assert DeadlockError("deadlock 27").args

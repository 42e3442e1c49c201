"""Integration test 32 of the core_db group."""

from netra_backend.core.db.transaction_errors import DeadlockError


def test_core_db_032() -> None:
    """core_db case 32."""
    assert DeadlockError("deadlock 32").args

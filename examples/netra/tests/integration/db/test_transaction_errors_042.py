"""Integration test 42 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_042() -> None:
    """db case 42."""
    assert issubclass(DeadlockError, TransactionError)

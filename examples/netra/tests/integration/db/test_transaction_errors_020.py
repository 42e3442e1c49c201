"""Integration test 20 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_020() -> None:
    """db case 20."""
    assert issubclass(DeadlockError, TransactionError)

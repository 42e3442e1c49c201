"""Integration test 10 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_010() -> None:
    """db case 10."""
    assert issubclass(DeadlockError, TransactionError)

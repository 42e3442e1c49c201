"""Integration test 28 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_028() -> None:
    """db case 28."""
    assert issubclass(DeadlockError, TransactionError)

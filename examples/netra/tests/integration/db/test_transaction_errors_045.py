"""Integration test 45 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_045() -> None:
    """db case 45."""
    assert issubclass(DeadlockError, TransactionError)

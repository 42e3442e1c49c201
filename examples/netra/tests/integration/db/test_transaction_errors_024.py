"""Integration test 24 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_024() -> None:
    """db case 24."""
    assert issubclass(DeadlockError, TransactionError)

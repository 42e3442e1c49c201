"""Integration test 25 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_025() -> None:
    """db case 25."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 56 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_056() -> None:
    """db case 56."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 11 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_011() -> None:
    """db case 11."""
    assert issubclass(DeadlockError, TransactionError)

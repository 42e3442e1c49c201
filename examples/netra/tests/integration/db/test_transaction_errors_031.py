"""Integration test 31 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_031() -> None:
    """db case 31."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 49 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_049() -> None:
    """db case 49."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 23 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_023() -> None:
    """db case 23."""
    assert issubclass(DeadlockError, TransactionError)

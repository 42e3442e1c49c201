"""Integration test 34 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_034() -> None:
    """db case 34."""
    assert issubclass(DeadlockError, TransactionError)

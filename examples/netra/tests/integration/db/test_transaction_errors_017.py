"""Integration test 17 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_017() -> None:
    """db case 17."""
    assert issubclass(DeadlockError, TransactionError)

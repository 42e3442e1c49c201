"""Integration test 2 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_002() -> None:
    """db case 2."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 33 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_033() -> None:
    """db case 33."""
    assert issubclass(DeadlockError, TransactionError)

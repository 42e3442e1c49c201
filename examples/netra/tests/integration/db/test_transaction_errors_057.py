"""Integration test 57 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_057() -> None:
    """db case 57."""
    assert issubclass(DeadlockError, TransactionError)

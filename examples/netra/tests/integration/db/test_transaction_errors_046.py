"""Integration test 46 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_046() -> None:
    """db case 46."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 60 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_060() -> None:
    """db case 60."""
    assert issubclass(DeadlockError, TransactionError)

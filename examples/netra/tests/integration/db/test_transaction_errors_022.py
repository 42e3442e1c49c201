"""Integration test 22 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_022() -> None:
    """db case 22."""
    assert issubclass(DeadlockError, TransactionError)

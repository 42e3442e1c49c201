"""Integration test 54 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_054() -> None:
    """db case 54."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 15 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_015() -> None:
    """db case 15."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 12 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_012() -> None:
    """db case 12."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 21 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_021() -> None:
    """db case 21."""
    assert issubclass(DeadlockError, TransactionError)

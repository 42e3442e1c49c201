"""Integration test 39 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_039() -> None:
    """db case 39."""
    assert issubclass(DeadlockError, TransactionError)

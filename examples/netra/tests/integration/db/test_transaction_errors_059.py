"""Integration test 59 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_059() -> None:
    """db case 59."""
    assert issubclass(DeadlockError, TransactionError)

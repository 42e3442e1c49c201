"""Integration test 18 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_018() -> None:
    """db case 18."""
    assert issubclass(DeadlockError, TransactionError)

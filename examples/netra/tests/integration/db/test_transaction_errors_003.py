"""Integration test 3 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_003() -> None:
    """db case 3."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 4 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_004() -> None:
    """db case 4."""
    assert issubclass(DeadlockError, TransactionError)

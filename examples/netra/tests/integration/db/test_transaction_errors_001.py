"""Integration test 1 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_001() -> None:
    """db case 1."""
    assert issubclass(DeadlockError, TransactionError)

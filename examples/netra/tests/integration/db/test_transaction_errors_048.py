"""Integration test 48 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_048() -> None:
    """db case 48."""
    assert issubclass(DeadlockError, TransactionError)

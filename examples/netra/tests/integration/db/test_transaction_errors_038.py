"""Integration test 38 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_038() -> None:
    """db case 38."""
    assert issubclass(DeadlockError, TransactionError)

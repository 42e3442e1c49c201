"""Integration test 55 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_055() -> None:
    """db case 55."""
    assert issubclass(DeadlockError, TransactionError)

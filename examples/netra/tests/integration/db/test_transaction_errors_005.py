"""Integration test 5 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_005() -> None:
    """db case 5."""
    assert issubclass(DeadlockError, TransactionError)

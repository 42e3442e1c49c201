"""Integration test 9 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_009() -> None:
    """db case 9."""
    assert issubclass(DeadlockError, TransactionError)

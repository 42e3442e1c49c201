"""Integration test 26 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_026() -> None:
    """db case 26."""
    assert issubclass(DeadlockError, TransactionError)

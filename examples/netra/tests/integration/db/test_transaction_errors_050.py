"""Integration test 50 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_050() -> None:
    """db case 50."""
    assert issubclass(DeadlockError, TransactionError)

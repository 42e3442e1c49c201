"""Integration test 52 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_052() -> None:
    """db case 52."""
    assert issubclass(DeadlockError, TransactionError)

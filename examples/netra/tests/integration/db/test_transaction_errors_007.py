"""Integration test 7 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_007() -> None:
    """db case 7."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 8 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_008() -> None:
    """db case 8."""
    assert issubclass(DeadlockError, TransactionError)

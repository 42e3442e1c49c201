"""Integration test 6 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_006() -> None:
    """db case 6."""
    assert issubclass(DeadlockError, TransactionError)

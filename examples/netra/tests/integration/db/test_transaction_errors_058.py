"""Integration test 58 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_058() -> None:
    """db case 58."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 29 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_029() -> None:
    """db case 29."""
    assert issubclass(DeadlockError, TransactionError)

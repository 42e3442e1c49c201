"""Integration test 30 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_030() -> None:
    """db case 30."""
    assert issubclass(DeadlockError, TransactionError)

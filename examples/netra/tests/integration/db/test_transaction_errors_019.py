"""Integration test 19 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_019() -> None:
    """db case 19."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 41 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_041() -> None:
    """db case 41."""
    assert issubclass(DeadlockError, TransactionError)

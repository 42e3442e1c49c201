"""Integration test 16 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_016() -> None:
    """db case 16."""
    assert issubclass(DeadlockError, TransactionError)

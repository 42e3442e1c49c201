"""Integration test 36 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_036() -> None:
    """db case 36."""
    assert issubclass(DeadlockError, TransactionError)

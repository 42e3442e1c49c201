"""Integration test 35 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_035() -> None:
    """db case 35."""
    assert issubclass(DeadlockError, TransactionError)

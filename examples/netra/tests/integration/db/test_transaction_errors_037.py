"""Integration test 37 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_037() -> None:
    """db case 37."""
    assert issubclass(DeadlockError, TransactionError)

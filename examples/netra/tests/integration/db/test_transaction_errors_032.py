"""Integration test 32 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_032() -> None:
    """db case 32."""
    assert issubclass(DeadlockError, TransactionError)

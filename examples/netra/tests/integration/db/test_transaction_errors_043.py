"""Integration test 43 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_043() -> None:
    """db case 43."""
    assert issubclass(DeadlockError, TransactionError)

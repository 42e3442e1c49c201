"""Integration test 53 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_053() -> None:
    """db case 53."""
    assert issubclass(DeadlockError, TransactionError)

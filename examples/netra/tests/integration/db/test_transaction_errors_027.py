"""Integration test 27 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_027() -> None:
    """db case 27."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 40 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_040() -> None:
    """db case 40."""
    assert issubclass(DeadlockError, TransactionError)

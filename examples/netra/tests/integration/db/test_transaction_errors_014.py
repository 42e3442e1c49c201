"""Integration test 14 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_014() -> None:
    """db case 14."""
    assert issubclass(DeadlockError, TransactionError)

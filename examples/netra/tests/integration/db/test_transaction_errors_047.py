"""Integration test 47 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_047() -> None:
    """db case 47."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 44 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_044() -> None:
    """db case 44."""
    assert issubclass(DeadlockError, TransactionError)

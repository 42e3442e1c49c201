"""Integration test 51 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_051() -> None:
    """db case 51."""
    assert issubclass(DeadlockError, TransactionError)

"""Integration test 13 of the db group."""

from netra_backend.app.transaction_errors import DeadlockError, TransactionError


def test_db_013() -> None:
    """db case 13."""
    assert issubclass(DeadlockError, TransactionError)

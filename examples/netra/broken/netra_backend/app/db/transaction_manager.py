"""Runs work inside database transactions."""

from __future__ import annotations

from netra_backend.app.db.transaction_errors import DeadlockError, TimeoutError


class TransactionManager:
    """Retries deadlocks, gives up on timeouts."""

    retryable = (DeadlockError,)
    fatal = (TimeoutError,)

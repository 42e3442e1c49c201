"""Errors raised by database transactions.

BROKEN: `TimeoutError` was deleted in a refactoring, but
transaction_manager.py still imports it, and so (through it) do the
WebSocket manager, the execution context and the engine factory.
"""


class TransactionError(Exception):
    """A transaction failed."""


class DeadlockError(TransactionError):
    """The database detected a deadlock."""

"""Errors raised by database transactions."""


class TransactionError(Exception):
    """A transaction failed."""


class DeadlockError(TransactionError):
    """The database detected a deadlock."""


class TimeoutError(TransactionError):
    """A transaction took too long."""

"""Per-user execution state: what keeps users isolated from each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from netra_backend.app.db.transaction_manager import TransactionManager


@dataclass
class UserExecutionContext:
    """One user's request: their id and their own transaction manager."""

    user_id: str
    transactions: TransactionManager = field(default_factory=TransactionManager)

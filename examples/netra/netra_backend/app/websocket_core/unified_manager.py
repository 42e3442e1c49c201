"""The one WebSocket manager of the application."""

from __future__ import annotations

from netra_backend.app.db.transaction_manager import TransactionManager


class UnifiedWebSocketManager:
    """Sends agent events to connected users."""

    def __init__(self) -> None:
        self.transactions = TransactionManager()
        self.sent: list[tuple[str, str]] = []

    def broadcast_system_message(self, message: str) -> None:
        """Send `message` to every connected user."""
        self.sent.append(("*", message))

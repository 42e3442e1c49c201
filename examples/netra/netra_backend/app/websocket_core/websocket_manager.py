"""Accessors for the WebSocket manager."""

from __future__ import annotations

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager

_MANAGER: UnifiedWebSocketManager | None = None


async def get_websocket_manager() -> UnifiedWebSocketManager:
    """The process-wide WebSocket manager."""
    global _MANAGER  # noqa: PLW0603 - one manager per process
    if _MANAGER is None:
        _MANAGER = UnifiedWebSocketManager()
    return _MANAGER

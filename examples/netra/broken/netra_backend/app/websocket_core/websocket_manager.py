"""Accessors for the WebSocket manager.

BROKEN: `get_websocket_manager` was never moved here (it was deleted from
websocket_core/__init__.py and not re-added).
"""

from __future__ import annotations

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager

__all__ = ["UnifiedWebSocketManager"]

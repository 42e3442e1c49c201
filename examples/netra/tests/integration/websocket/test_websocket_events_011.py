"""Integration test 11 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_011() -> None:
    """websocket case 11."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 11")
    assert manager.sent

"""Integration test 22 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_022() -> None:
    """websocket case 22."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 22")
    assert manager.sent

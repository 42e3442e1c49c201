"""Integration test 8 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_008() -> None:
    """websocket case 8."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 8")
    assert manager.sent

"""Integration test 23 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_023() -> None:
    """websocket case 23."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 23")
    assert manager.sent

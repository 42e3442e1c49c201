"""Integration test 5 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_005() -> None:
    """websocket case 5."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 5")
    assert manager.sent

"""Integration test 9 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_009() -> None:
    """websocket case 9."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 9")
    assert manager.sent

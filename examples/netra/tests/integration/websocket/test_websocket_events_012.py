"""Integration test 12 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_012() -> None:
    """websocket case 12."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 12")
    assert manager.sent

"""Integration test 28 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_028() -> None:
    """websocket case 28."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 28")
    assert manager.sent

"""Integration test 17 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_017() -> None:
    """websocket case 17."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 17")
    assert manager.sent

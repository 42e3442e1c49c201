"""Integration test 25 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_025() -> None:
    """websocket case 25."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 25")
    assert manager.sent

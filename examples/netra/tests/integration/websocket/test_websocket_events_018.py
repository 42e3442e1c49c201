"""Integration test 18 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_018() -> None:
    """websocket case 18."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 18")
    assert manager.sent

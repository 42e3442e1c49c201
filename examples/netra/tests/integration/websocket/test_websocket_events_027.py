"""Integration test 27 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_027() -> None:
    """websocket case 27."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 27")
    assert manager.sent

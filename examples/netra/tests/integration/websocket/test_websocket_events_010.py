"""Integration test 10 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_010() -> None:
    """websocket case 10."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 10")
    assert manager.sent

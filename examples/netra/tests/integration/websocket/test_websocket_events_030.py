"""Integration test 30 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_030() -> None:
    """websocket case 30."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 30")
    assert manager.sent

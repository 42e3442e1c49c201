"""Integration test 29 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_029() -> None:
    """websocket case 29."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 29")
    assert manager.sent

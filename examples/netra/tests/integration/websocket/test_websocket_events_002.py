"""Integration test 2 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_002() -> None:
    """websocket case 2."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 2")
    assert manager.sent

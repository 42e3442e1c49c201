"""Integration test 20 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_020() -> None:
    """websocket case 20."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 20")
    assert manager.sent

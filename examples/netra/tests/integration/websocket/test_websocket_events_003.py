"""Integration test 3 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_003() -> None:
    """websocket case 3."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 3")
    assert manager.sent

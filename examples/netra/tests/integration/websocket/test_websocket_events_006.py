"""Integration test 6 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_006() -> None:
    """websocket case 6."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 6")
    assert manager.sent

"""Integration test 4 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_004() -> None:
    """websocket case 4."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 4")
    assert manager.sent

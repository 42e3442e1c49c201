"""Integration test 26 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_026() -> None:
    """websocket case 26."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 26")
    assert manager.sent

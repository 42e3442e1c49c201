"""Integration test 16 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_016() -> None:
    """websocket case 16."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 16")
    assert manager.sent

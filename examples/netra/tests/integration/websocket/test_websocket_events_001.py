"""Integration test 1 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_001() -> None:
    """websocket case 1."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 1")
    assert manager.sent

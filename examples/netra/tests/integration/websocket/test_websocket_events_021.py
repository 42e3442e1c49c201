"""Integration test 21 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_021() -> None:
    """websocket case 21."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 21")
    assert manager.sent

"""Integration test 15 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_015() -> None:
    """websocket case 15."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 15")
    assert manager.sent

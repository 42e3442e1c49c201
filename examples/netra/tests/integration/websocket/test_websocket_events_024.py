"""Integration test 24 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_024() -> None:
    """websocket case 24."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 24")
    assert manager.sent

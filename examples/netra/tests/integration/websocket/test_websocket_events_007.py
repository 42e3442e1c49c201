"""Integration test 7 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_007() -> None:
    """websocket case 7."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 7")
    assert manager.sent

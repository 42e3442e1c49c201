"""Integration test 14 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_014() -> None:
    """websocket case 14."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 14")
    assert manager.sent

"""Integration test 19 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_019() -> None:
    """websocket case 19."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 19")
    assert manager.sent

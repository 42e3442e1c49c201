"""Integration test 13 of the websocket group."""

from netra_backend.app.websocket_core.unified_manager import UnifiedWebSocketManager


def test_websocket_013() -> None:
    """websocket case 13."""
    manager = UnifiedWebSocketManager()
    manager.broadcast_system_message("agent_started 13")
    assert manager.sent

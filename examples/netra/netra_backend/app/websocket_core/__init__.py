"""WebSocket core.

`get_websocket_manager` used to live here; it moved next to
UnifiedWebSocketManager. The registry's alias keeps the old import working.
"""

"""Code written before the moves: every import here goes through a deprecated path.

`ssot-registry scan` reports each one, `ssot-registry migrate` rewrites them.
"""

from unittest import mock

from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory
from netra_backend.app.redis_client import get_redis_client
from netra_backend.app.websocket_core import (  # the accessor moved next to the manager
    get_websocket_manager,
)


def start_session(user_id: str) -> object:
    """Wire a user's session the way the old code did."""
    manager = get_websocket_manager()
    redis = get_redis_client()
    engine = ExecutionFactory().create_for_user(user_id)
    return manager, redis, engine


def patched_redis() -> object:
    """Tests patched the old module path as a string."""
    return mock.patch("netra_backend.app.redis_client.get_redis_client")

import ssot_registry

ssot_registry.install("registry.toml")

from netra_backend.app.websocket_core import get_websocket_manager
from netra_backend.app.redis_client import get_redis_client
from netra_backend.app.agents.supervisor.execution_factory import ExecutionFactory

factory = ExecutionFactory()

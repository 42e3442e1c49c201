"""Creates one execution engine per user."""

from __future__ import annotations

from netra_backend.app.agents.supervisor.user_execution_context import UserExecutionContext


class ExecutionEngineFactory:
    """Creates per-user execution engines."""

    def create_for_user(self, user_id: str) -> UserExecutionContext:
        """A fresh, isolated context for `user_id`."""
        return UserExecutionContext(user_id)

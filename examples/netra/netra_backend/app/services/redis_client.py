"""The Redis client (moved here from netra_backend.app.redis_client)."""

from __future__ import annotations


class RedisClient:
    """A stand-in for the real client: a dict."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}


_CLIENT = RedisClient()


def get_redis_client() -> RedisClient:
    """The shared Redis client."""
    return _CLIENT

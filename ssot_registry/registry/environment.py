"""Environment variables of the library: one parser for their boolean values."""

from __future__ import annotations

import os

__all__ = ["TRUE_VALUES", "env_flag"]

TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
"""What turns a boolean variable on (any case, surrounding blanks ignored); anything else,
unset or empty included, leaves it off."""


def env_flag(name: str) -> bool:
    """True when environment variable `name` is set to one of TRUE_VALUES."""
    return os.environ.get(name, "").strip().lower() in TRUE_VALUES

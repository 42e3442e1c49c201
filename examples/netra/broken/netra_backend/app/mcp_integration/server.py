"""The MCP server: needs the third-party `mcp` distribution, which is not installed."""

from __future__ import annotations

import mcp.types


def list_tools() -> list[mcp.types.Tool]:
    """The tools this backend offers to models."""
    return []

"""Helpers of the migrate tests: the registry they share, writing real modules, a sample."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

REGISTRY = textwrap.dedent(
    """\
    [registry]
    schema = 1
    name = "app"

    [[alias]]
    old = "app.old"
    new = "app.new"
    since = "1.4.0"
    remove_in = "2.0.0"

    [[alias]]
    old = "app.models:Thing"
    new = "app.core.things:Thing"

    [[alias]]
    old = "app.utils:helper"
    new = "app.core.helpers:assist"
    reason = "renamed"

    [[alias]]
    old = "app.legacy:Gone"
    new = "app.core:Here"
    removed_in = "1.6.0"

    [[alias]]
    old = "legacy.tools"
    new = "app.tools"

    [[external]]
    old = "websockets.client:connect"
    new = "websockets.asyncio.client:connect"
    """
)

Rewrite = Callable[..., bytes]


def write_module(root: Path, relative: str, content: bytes | str) -> Path:
    """Write a module at `relative` under `root`, with `__init__.py` in every folder above it."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = target.parent
    while folder != root:
        (folder / "__init__.py").touch()
        folder = folder.parent
    data = content.encode("utf-8") if isinstance(content, str) else content
    target.write_bytes(data)
    return target


SAMPLE = textwrap.dedent(
    """\
    import app.old
    import app.old.sub as s
    from app import old, other
    from app.models import (
        Other,
        Thing as T,
    )
    from app.legacy import Gone
    from .utils import helper
    import websockets.client
    from typing import TYPE_CHECKING

    if TYPE_CHECKING:
        from app.old import x

    try:
        from app.old import y
    except ImportError:
        y = None


    def f():
        from app import models
        models.Thing()
        app.old.run()
        websockets.client.connect("ws://x")
        mock.patch("app.utils.helper")
        patch.object(models, "Thing")
        # app.old is mentioned in a comment only
        return "app.old in a plain string"
    """
)

"""`export ruff`: the registry's deprecated paths as ruff's banned-api table (TID251).

The table is one marked block (`# >>> ssot-registry export ruff` … `# <<< ssot-registry
export ruff`), so that `export ruff -o FILE` replaces its own earlier block in a ruff
config instead of adding a second table (TOML forbids a table defined twice).
"""

from __future__ import annotations

import json

from ssot_registry.registry import Alias, External, Registry
from ssot_registry.registry.wording import entry_text

__all__ = ["BEGIN", "END", "TABLE", "render_ruff_banned_api", "replace_block"]

TABLE = "lint.flake8-tidy-imports.banned-api"
BEGIN = "# >>> ssot-registry export ruff"
END = "# <<< ssot-registry export ruff"


def _quote(text: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def render_ruff_banned_api(registry: Registry, *, table: str = TABLE) -> str:
    """The marked block: `[TABLE]` with one key per alias and external `old` path."""
    entries: dict[str, str] = {}
    deprecated: tuple[Alias | External, ...] = (*registry.aliases, *registry.externals)
    for entry in deprecated:
        entries.setdefault(entry.old.dotted, entry_text(entry, entry.old.dotted, entry.new.dotted))
    source = registry.source.name if registry.source is not None else "the registry"
    lines = [
        f"{BEGIN}: generated from {source}; do not edit by hand, run it again",
        f"[{table}]",
        *(f"{_quote(path)} = {{ msg = {_quote(message)} }}" for path, message in entries.items()),
        END,
    ]
    return "\n".join(lines) + "\n"


def replace_block(config: str, block: str) -> str:
    """`config` with its marked block replaced by `block`, or `block` appended after a blank
    line when it has none; every other byte of `config` stays."""
    start = config.find(BEGIN)
    end = config.find(END, start) if start != -1 else -1
    if start != -1 and end != -1 and (start == 0 or config[start - 1] == "\n"):
        after = config.find("\n", end)
        return config[:start] + block + (config[after + 1 :] if after != -1 else "")
    if not config:
        return block
    return config + ("\n" if config.endswith("\n") else "\n\n") + block

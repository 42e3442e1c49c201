"""The example application: `examples/netra` passes `check`, `examples/netra/broken` fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssot_registry.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_example_registry_passes_from_the_repository_root(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's main-job command exits 0: the registry's folder is the fallback import root."""
    monkeypatch.chdir(REPO)
    status = main(["check", "--registry", "examples/netra/registry.toml"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert out.splitlines()[-1] == "ok: 13 entries checked, 13 passed, 0 failed, 0 root causes"


def test_broken_example_leads_with_its_root_causes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The broken variant fails; its first root cause is the missing TimeoutError."""
    monkeypatch.chdir(REPO / "examples" / "netra" / "broken")
    status = main(["check", "--registry", "registry.toml", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 1
    first, redis, mcp, factory = data["root_causes"]
    assert (first["module"], first["line"]) == ("netra_backend.app.db.transaction_manager", 5)
    assert first["error"].startswith(
        "ImportError: cannot import name 'TimeoutError' "
        "from 'netra_backend.app.db.transaction_errors'"
    )
    assert first["entries"] == [
        "get_websocket_manager",
        "UnifiedWebSocketManager",
        "ExecutionEngineFactory",
        "UserExecutionContext",
        "TransactionManager",
        "netra_backend.app.websocket_core:get_websocket_manager",
    ]
    assert redis["entries"] == ["get_redis_client", "netra_backend.app.redis_client"]
    assert mcp["error"] == (
        "ModuleNotFoundError: No module named 'mcp' (provided by distribution 'mcp' >=1.13.1 "
        "from [requires], which is not installed: pip install 'mcp>=1.13.1')"
    )
    assert factory["entries"] == ["ExecutionFactory"]
    codes = sorted({r["code"] for r in data["results"] if r["code"]})
    assert codes == ["SSOT010", "SSOT011", "SSOT020", "SSOT032"]

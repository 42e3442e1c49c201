"""`ssot-registry schema`: a JSON Schema accepting every valid registry, rejecting bad ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ssot_registry.cli import main
from ssot_registry.registry import load_text
from ssot_registry.registry.toml import parse_toml

ROOT = Path(__file__).parents[3]
HEAD = '[registry]\nschema = 1\nname = "x"\n'

SPEC_EXAMPLE = """\
[registry]
schema = 1                          # format version; required
name = "netra"                      # label for messages and docs; required
distribution = "netra-backend"      # optional: its installed version is "now"
# version = "1.8.0"                 # optional: explicit "now", wins over distribution
category = "deprecation"            # default warning: deprecation | pending | future
expose = "netra_backend.ssot"       # optional facade module, see 4.5

[requires]                          # distributions the application needs
mcp = ">=1.13.1"
fastmcp = ">=2.11.3,<3"

[symbols]                           # canonical entries: name = path, or a table
get_redis_client = "netra_backend.app.services.redis_client:get_redis_client"

[symbols.ExecutionFactory]
path = "netra_backend.app.agents.supervisor.execution_factory:ExecutionFactory"
kind = "class"                      # any | module | class | function | callable | object
doc = "Creates per-user execution engines."

[[alias]]                           # a deprecated path that must keep working
old = "netra_backend.app.websocket_core:get_websocket_manager"
new = "netra_backend.app.websocket_core.websocket_manager:get_websocket_manager"
since = "1.4.0"                     # optional PEP 440 version
remove_in = "2.0.0"                 # optional PEP 440 version, > since
reason = "moved next to UnifiedWebSocketManager"   # optional, appended to the warning
mode = "reexport"                   # reexport (default) | wrap, see 4.3
category = "future"                 # optional, overrides [registry].category

[[alias]]                           # removed: the old path now fails with the migration hint
old = "netra_backend.app.legacy_ws:WebSocketManager"
new = "netra_backend.app.websocket_core.unified_manager:UnifiedWebSocketManager"
removed_in = "1.6.0"                # a tombstone: importing it raises ImportError naming `new`

[[alias]]                           # whole module moved: no colon on either side
old = "netra_backend.app.redis_client"
new = "netra_backend.app.services.redis_client"

[[external]]                        # deprecated API of a third party: never shimmed
old = "websockets.server:WebSocketServerProtocol"
new = "websockets.asyncio.server:ServerConnection"
reason = "websockets' legacy implementation is deprecated"
"""

# Every form SPEC §2 shows, one file each, and the section's own example in full.
VALID = {
    "minimal": HEAD,
    "registry-table-in-full": HEAD
    + 'distribution = "netra-backend"\nversion = "1.8.0"\ncategory = "pending"\n'
    'expose = "netra_backend.ssot"\n',
    "requires-string-form": HEAD + '[requires]\nmcp = ">=1.13.1"\nfastmcp = ">=2.11.3,<3"\n',
    "requires-table-form": HEAD + '[requires]\nPyYAML = { version = ">=6", modules = ["yaml"] }\n',
    "requires-any-version": HEAD + '[requires]\nmcp = ""\n',
    "symbols-string-form": HEAD + '[symbols]\nget = "pkg.redis_client:get_redis_client"\n',
    "symbols-table-form": HEAD
    + '[symbols.Factory]\npath = "pkg.factory:Factory"\nkind = "class"\ndoc = "Builds."\n',
    "symbols-inline-table": HEAD + '[symbols]\nf = { path = "pkg:f", kind = "function" }\n',
    "attribute-alias-in-full": HEAD
    + '[[alias]]\nold = "pkg.old:f"\nnew = "pkg.new:f"\nsince = "1.4.0"\nremove_in = "2.0.0"\n'
    'reason = "moved"\nmode = "wrap"\ncategory = "future"\n',
    "tombstone": HEAD + '[[alias]]\nold = "pkg.old:C"\nnew = "pkg.new:C"\nremoved_in = "1.6.0"\n',
    "module-alias": HEAD + '[[alias]]\nold = "pkg.redis_client"\nnew = "pkg.services.redis"\n',
    "qualname-path": HEAD + '[symbols]\nm = "pkg.mod:Outer.method"\n',
    "external": HEAD
    + '[[external]]\nold = "websockets.server:P"\nnew = "websockets.asyncio.server:C"\n'
    'reason = "legacy"\n',
}

INVALID = {
    "no-registry-table": '[symbols]\nf = "pkg:f"\n',
    "schema-2": '[registry]\nschema = 2\nname = "x"\n',
    "schema-as-string": '[registry]\nschema = "1"\nname = "x"\n',
    "schema-as-boolean": '[registry]\nschema = true\nname = "x"\n',
    "name-missing": "[registry]\nschema = 1\n",
    "unknown-top-level-key": HEAD + '[aliases]\nold = "a"\n',
    "unknown-registry-key": HEAD + 'verison = "1"\n',
    "bad-category": HEAD + 'category = "warning"\n',
    "requires-bad-name": HEAD + '[requires]\n"bad name!" = ">=1"\n',
    "requires-number": HEAD + "[requires]\nmcp = 1\n",
    "requires-unknown-key": HEAD + '[requires]\nmcp = { versoin = ">=1" }\n',
    "symbols-space-in-path": HEAD + '[symbols]\nf = "pkg mod:f"\n',
    "symbols-bad-name": HEAD + '[symbols]\nmy-func = "pkg:f"\n',
    "symbols-bad-kind": HEAD + '[symbols]\nf = { path = "pkg:f", kind = "fn" }\n',
    "alias-keyword-segment": HEAD + '[[alias]]\nold = "pkg.class:f"\nnew = "pkg.new:f"\n',
    "alias-missing-new": HEAD + '[[alias]]\nold = "pkg.old:f"\n',
    "alias-bad-mode": HEAD + '[[alias]]\nold = "a:f"\nnew = "b:f"\nmode = "proxy"\n',
    "alias-as-table": HEAD + '[alias]\nold = "a:f"\nnew = "b:f"\n',
    "external-unknown-key": HEAD + '[[external]]\nold = "a:f"\nnew = "b:f"\nwhy = "x"\n',
}


@pytest.fixture(scope="module")
def validator(tmp_path_factory: pytest.TempPathFactory) -> jsonschema.protocols.Validator:
    """A `jsonschema` validator of the schema that `ssot-registry schema -o FILE` writes."""
    output = tmp_path_factory.mktemp("schema") / "schema.json"
    assert main(["schema", "-o", str(output)]) == 0
    schema: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator: jsonschema.protocols.Validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(parse_toml(text))]


@pytest.mark.parametrize("text", VALID.values(), ids=VALID.keys())
def test_every_valid_form_passes_the_schema(
    validator: jsonschema.protocols.Validator, text: str
) -> None:
    """A registry the loader accepts is valid against the schema too."""
    load_text(text)
    assert _errors(validator, text) == []


def test_the_spec_example_passes_the_schema(validator: jsonschema.protocols.Validator) -> None:
    """The complete example of SPEC §2 is valid against the schema."""
    load_text(SPEC_EXAMPLE)
    assert _errors(validator, SPEC_EXAMPLE) == []


@pytest.mark.parametrize(
    "path",
    ["registry.toml", "examples/netra/registry.toml", "examples/netra/broken/registry.toml"],
)
def test_bundled_registries_pass_the_schema(
    validator: jsonschema.protocols.Validator, path: str
) -> None:
    """The registries shipped in the repository are valid against the schema."""
    assert _errors(validator, (ROOT / path).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", INVALID.values(), ids=INVALID.keys())
def test_invalid_files_fail_the_schema(
    validator: jsonschema.protocols.Validator, text: str
) -> None:
    """A file with a wrong type, a bad name, a bad path or an unknown key fails the schema."""
    assert _errors(validator, text) != []

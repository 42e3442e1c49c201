"""Commands that read the registry and import nothing (except `explain`'s definition line)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ssot_registry.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    UsageError,
    add_registry_option,
    emit,
    load_registries,
    load_registry,
)
from ssot_registry.registry.explanation import explain
from ssot_registry.render.docs import render_docs
from ssot_registry.render.explain import render_explanation

__all__ = ["register"]


def _schema(options: argparse.Namespace) -> int:
    from ssot_registry.registry.schema import json_schema  # pydantic: only for this command

    emit(json.dumps(json_schema(), indent=2, sort_keys=True) + "\n", options.output)
    return EXIT_OK


def _docs(options: argparse.Namespace) -> int:
    from ssot_registry.validator.findings import current_version  # the rule SSOT032 uses

    text = "\n".join(
        render_docs(registry, current_version(registry, sys.path))
        for registry in load_registries(options)
    )
    if options.check:
        if options.output is None:
            raise UsageError("docs --check needs -o FILE: the page to compare with")
        try:
            current = Path(options.output).read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            emit(f"{options.output} is out of date; run: ssot-registry docs -o {options.output}\n")
            return EXIT_FINDINGS
        return EXIT_OK
    emit(text, options.output)
    return EXIT_OK


def _explain(options: argparse.Namespace) -> int:
    registry = load_registry(options)
    try:
        explanation = explain(registry, options.path)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if explanation.canonical is not None and not options.no_import:
        from ssot_registry.validator.definition import locate_definition

        explanation = type(explanation)(
            explanation.path,
            explanation.status,
            explanation.canonical,
            explanation.lines,
            locate_definition(explanation.canonical),
        )
    emit(render_explanation(explanation))
    return EXIT_OK if explanation.status != "unknown" else EXIT_FINDINGS


def register(commands: Any) -> None:
    """Add `schema`, `docs` and `explain` to the subcommands."""
    schema = commands.add_parser(
        "schema",
        help="print the registry file's JSON Schema",
        description="""Print the JSON Schema of registry.toml (generated from the pydantic models),
        for TOML editors and other validators.""",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    schema.set_defaults(handler=_schema)

    docs = commands.add_parser(
        "docs",
        help="Markdown page of the registry",
        description="""Write a deterministic Markdown page of the registry: copy-paste imports,
        deprecated paths with since / remove in / status (overdue when the registry's version
        reached remove_in), third-party paths and requirements.""",
    )
    add_registry_option(docs, installed=True)
    docs.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    docs.add_argument(
        "--check", action="store_true", help="exit 1 if FILE is not up to date (needs -o)"
    )
    docs.set_defaults(handler=_docs)

    explain = commands.add_parser(
        "explain",
        help="what a path is in the registry",
        description="""Say what PATH is in the registry (canonical, alias of what, tombstone,
        external or unknown), its since / remove_in and registry line, and where the canonical
        object is defined (imports it unless --no-import).""",
    )
    add_registry_option(explain)
    explain.add_argument(
        "path",
        metavar="PATH",
        help="'pkg.module:Name', 'pkg.module', the dotted 'pkg.module.Name' scan prints, "
        "or a symbol name",
    )
    explain.add_argument(
        "--no-import", action="store_true", help="do not import the canonical object"
    )
    explain.set_defaults(handler=_explain)

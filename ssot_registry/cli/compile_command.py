"""Validate the registry and write it as versioned JSON that load() and install() read without
pydantic or packaging."""

from __future__ import annotations

import argparse

from ssot_registry.cli import common
from ssot_registry.registry.compiled_json import dump_compiled

__all__ = ["register"]


def _compile(options: argparse.Namespace) -> int:
    common.emit(dump_compiled(common.load_registry(options)), options.output)
    return common.EXIT_OK


_SUMMARY = "write the validated registry as JSON that load() and install() read without pydantic"


def register(commands: common.Commands) -> None:
    """Add `compile` to the subcommands; the module docstring is its --help description."""
    parser = common.add_command(commands, "compile", _compile, _SUMMARY, __doc__)
    common.add_registry_option(parser)
    common.add_report_options(parser, output="write to FILE instead of stdout")

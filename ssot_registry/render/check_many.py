"""Several check reports (`check --installed`: the project's and each installed registry's)
as one document of the chosen format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ssot_registry.render.check_github import render_github
from ssot_registry.render.check_json import render_json, report_data
from ssot_registry.render.check_junit import render_junit
from ssot_registry.render.check_text import render_text
from ssot_registry.validator.report import CheckReport

__all__ = ["render_reports"]

_SINGLE = {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}


def render_reports(reports: Sequence[CheckReport], format_name: str) -> str:
    """One report as its format says; several: text and github one after another, json a
    list of report objects, junit one `<testsuites>` with a `<testsuite>` per registry."""
    render = _SINGLE[format_name]
    if len(reports) == 1:
        return render(reports[0])
    if format_name == "json":
        return json.dumps([report_data(report) for report in reports], indent=2) + "\n"
    if format_name == "junit":
        suites = ET.Element("testsuites")
        for report in reports:
            suites.extend(ET.fromstring(render(report).encode()))  # noqa: S314 (our own XML)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
    return "\n".join(render(report) for report in reports)

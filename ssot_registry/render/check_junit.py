"""The check report as JUnit XML: one testcase per entry, a failure per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ssot_registry.render.check_text import display_path
from ssot_registry.validator.report import CheckReport, EntryResult

__all__ = ["render_junit"]


def render_junit(report: CheckReport) -> str:
    """A `<testsuites>` document with one `<testsuite>` for the registry."""
    registry = display_path(report.source)
    by_entry: dict[str, list[EntryResult]] = {}
    for result in report.results:
        by_entry.setdefault(result.key, []).append(result)
    suites = ET.Element("testsuites")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=f"ssot-registry {report.registry}",
        tests=str(report.total),
        failures=str(report.failed),
        errors="0",
        skipped="0",
    )
    for results in by_entry.values():
        first = results[0]
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"{registry}.{first.kind}",
            name=first.entry,
            file=registry,
            line=str(first.line or 0),
        )
        for result in results:
            if result.status == "fail":
                failure = ET.SubElement(
                    case, "failure", type=str(result.code), message=result.message
                )
                failure.text = f"{registry}:{result.line}: {result.code} {result.message}"
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"

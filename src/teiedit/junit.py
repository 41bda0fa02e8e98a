"""Diagnostics as JUnit XML, one test case per file checked, for CI systems."""

from __future__ import annotations

from lxml import etree

from teiedit.diagnostics import Level, Report


def report_to_junit(report: Report) -> str:
    suite = etree.Element("testsuite", name="teiedit-validate")
    failures = 0
    for path in report.files_checked:
        case = etree.SubElement(suite, "testcase", classname="teiedit.validate", name=path)
        problems = [d for d in report.for_file(path) if d.level in (Level.ERROR, Level.FATAL)]
        if problems:
            failures += 1
            fail = etree.SubElement(
                case, "failure", message=problems[0].message, type=problems[0].origin
            )
            fail.text = "\n".join(d.format() for d in problems)
    suite.set("tests", str(len(report.files_checked)))
    suite.set("failures", str(failures))
    data: bytes = etree.tostring(suite, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode()

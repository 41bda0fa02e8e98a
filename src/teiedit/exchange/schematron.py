"""A small ISO Schematron runner: the schema becomes an XSLT 3.0 stylesheet run by saxonche.

Enough of Schematron for rule sets like CMIF's (``ns``, ``let``, ``pattern``, ``rule/@context``,
``assert``, ``report`` with ``name``/``value-of`` in messages); abstract rules and phases are not
supported and are reported as such instead of being silently skipped. The generated stylesheet goes
through :mod:`teiedit.xslt`, the only module that talks to Saxon.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.io import read_xml, write_atomic

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
OUT = "urn:teiedit:schematron-result"


@dataclass(frozen=True)
class Finding:
    """One failed assert or fired report."""

    role: str  # error | warning | info (Schematron @role; default error)
    message: str
    location: str
    test: str

    @property
    def is_error(self) -> bool:
        return self.role.lower() not in ("warning", "warn", "info", "information")


def _x(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{XSL}}}{tag}") if parent is None else etree.SubElement(parent, f"{{{XSL}}}{tag}")
    for k, v in attrs.items():
        el.set(k.rstrip("_").replace("_", "-"), v)
    return el


def compile_schematron(schema: etree._Element) -> etree._Element:
    """The XSLT that reports every failed assert / fired report as ``<finding>`` elements."""
    nsmap = {"xsl": XSL, "out": OUT}
    for ns in schema.iter(f"{{{SCH}}}ns"):
        nsmap[ns.get("prefix", "")] = ns.get("uri", "")
    sheet = etree.Element(f"{{{XSL}}}stylesheet", nsmap=nsmap)
    sheet.set("version", "3.0")
    sheet.set("exclude-result-prefixes", " ".join(p for p in nsmap if p not in ("xsl", "out")) or "#default")
    _x("output", sheet, method="xml", indent="no")
    for let in schema.findall(f"{{{SCH}}}let"):
        _x("variable", sheet, name=let.get("name", ""), select=let.get("value", "()"))
    patterns = schema.findall(f"{{{SCH}}}pattern")
    root = _x("template", sheet, match="/")
    results = etree.SubElement(root, f"{{{OUT}}}results")
    for i, pattern in enumerate(patterns):
        mode = f"p{i}"
        _x("apply-templates", results, select="/", mode=mode)
        rules = [r for r in pattern.findall(f"{{{SCH}}}rule")]
        for j, rule in enumerate(rules):
            if rule.get("abstract") == "true" or rule.find(f"{{{SCH}}}extends") is not None:
                raise TeieditError("abstract Schematron rules are not supported by teiedit's runner",
                                   hint="expand them in the schema")
            tpl = _x("template", sheet, match=rule.get("context", "/"), mode=mode,
                     priority=str(len(rules) - j + 1))
            for let in rule.findall(f"{{{SCH}}}let"):
                _x("variable", tpl, name=let.get("name", ""), select=let.get("value", "()"))
            for check in rule:
                name = etree.QName(check).localname if isinstance(check.tag, str) else ""
                if name not in ("assert", "report"):
                    continue
                test = check.get("test", "true()")
                cond = _x("if", tpl, test=f"not({test})" if name == "assert" else test)
                finding = etree.SubElement(cond, f"{{{OUT}}}finding", role=_literal(check.get("role", "error")),
                                           test=_literal(test))
                _x("attribute", finding, name="location", select="path(.)")
                _message(check, finding)
            _x("apply-templates", tpl, select="@*|node()", mode=mode)
        walk = _x("template", sheet, match="@*|node()", mode=mode, priority="-10")
        _x("apply-templates", walk, select="@*|node()", mode=mode)
    return sheet


def _literal(value: str) -> str:
    """Escape braces: attributes of literal result elements are attribute value templates."""
    return value.replace("{", "{{").replace("}", "}}")


def _message(check: etree._Element, out: etree._Element) -> None:
    if check.text:
        _x("text", out).text = check.text
    for child in check:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local == "name":
            _x("value-of", out, select=f"name({child.get('path', '.')})")
        elif local == "value-of":
            _x("value-of", out, select=child.get("select", "."))
        else:
            _x("value-of", out, select=f"'{''.join(child.itertext())}'")
        if child.tail:
            _x("text", out).text = child.tail


def run_schematron(schema_path: Path, document: etree._ElementTree) -> list[Finding]:
    """Validate ``document`` against the Schematron at ``schema_path``; findings in document order."""
    from teiedit.xslt import transform

    schema = read_xml(schema_path).getroot()
    sheet = etree.tostring(compile_schematron(schema))
    digest = hashlib.sha256(sheet).hexdigest()[:16]
    compiled = Path(tempfile.gettempdir()) / f"teiedit-sch-{digest}.xsl"
    if not compiled.is_file():
        write_atomic(compiled, sheet)
    result = transform(compiled, document)
    root = etree.fromstring(result.output.encode("utf-8"))
    return [
        Finding(role=f.get("role", "error"), message=" ".join("".join(f.itertext()).split()),
                location=f.get("location", ""), test=f.get("test", ""))
        for f in root.iter(f"{{{OUT}}}finding")
    ]

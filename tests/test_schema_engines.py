"""The compiled schemas in other validators: the XSD in libxml2 and xmlschema, the RNG in Jing and
libxml2, the Schematron in any ISO Schematron processor (SchXslt among them).

Verdict tables (file -> valid?) are compared between engines on the edition and the validation cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from schema_engines import (
    SCH_NS,
    jing_verdicts,
    sch_prefixes_used,
    xerces_verdicts,
    xmllint_verdicts,
)

from teiedit.validate import Schemas, validate_file

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases" / "validate"
BUILD = REPO / "schema" / "build"


def _documents() -> list[Path]:
    return sorted(
        [
            *(REPO / "tei").glob("*.xml"),
            *(REPO / "tei" / "registers").glob("*.xml"),
            *(CASES / "valid").glob("*.xml"),
            *(CASES / "invalid").glob("*.xml"),
        ]
    )


@pytest.mark.slow  # Jing and Xerces (JVMs) and xmllint over every validation case
def test_grammars_give_the_same_verdicts_in_every_engine() -> None:
    """RNG in lxml (teiedit), Jing and xmllint; XSD in xmlschema (teiedit), lxml, xmllint and Xerces."""
    docs = _documents()
    rng_only = Schemas(rng=BUILD / "teiedit.rng", schematron=False)
    xsd_only = Schemas(rng=BUILD / "teiedit.rng", use_xsd=True, schematron=False)
    lxml_xsd = etree.XMLSchema(etree.parse(str(BUILD / "teiedit.xsd")))
    jing = jing_verdicts(BUILD / "teiedit.rng", docs)
    lint_rng = xmllint_verdicts(docs, rng=BUILD / "teiedit.rng")
    lint_xsd = xmllint_verdicts(docs, xsd=BUILD / "teiedit.xsd")
    xerces = xerces_verdicts(docs, BUILD / "teiedit.xsd")
    table = {}
    for doc in docs:
        ours = validate_file(doc, rng_only) == []
        table[doc.name] = {
            "jing": jing[doc],
            "xmllint rng": lint_rng[doc],
            "xmlschema xsd": validate_file(doc, xsd_only) == [],
            "lxml xsd": lxml_xsd.validate(etree.parse(str(doc))),
            "xmllint xsd": lint_xsd[doc],
            "xerces xsd": xerces[doc],
        }
        assert table[doc.name] == dict.fromkeys(table[doc.name], ours), doc.name
    assert len(table) >= 30
    assert sum(1 for row in table.values() if not row["jing"]) >= 5, "too few invalid documents"
    assert sum(1 for row in table.values() if row["xerces xsd"]) >= 20, "too few valid documents"


def test_xsd_imports_the_xml_namespace_from_a_local_file() -> None:
    xsd = etree.parse(str(BUILD / "teiedit.xsd"))
    imports = xsd.xpath(
        "//xs:import[@namespace='http://www.w3.org/XML/1998/namespace']",
        namespaces={"xs": "http://www.w3.org/2001/XMLSchema"},
    )
    assert [i.get("schemaLocation") for i in imports] == ["xml.xsd"]
    assert (BUILD / "xml.xsd").is_file()
    assert r"\p{Cs}" not in (BUILD / "teiedit.xsd").read_text(encoding="utf-8")


# ISO Schematron (ISO/IEC 19757-3) elements SchXslt 1.x implements. SchXslt is not installable here
# (neither PyPI, npm nor Debian carry it), so the schema is held to what it supports instead.
SCHXSLT_ELEMENTS = {
    "schema", "title", "ns", "let", "phase", "active", "pattern", "rule", "assert", "report",
    "value-of", "name", "p", "emph", "dir", "span", "diagnostics", "diagnostic", "param", "extends",
}  # fmt: skip


def test_schematron_is_portable_iso_schematron() -> None:
    sch = etree.parse(str(BUILD / "teiedit.sch")).getroot()
    assert sch.tag == f"{{{SCH_NS}}}schema"
    assert sch.get("queryBinding") in ("xslt2", "xslt3")
    names = {etree.QName(el).localname for el in sch.iter(f"{{{SCH_NS}}}*")}
    assert names <= SCHXSLT_ELEMENTS
    assert {"pattern", "rule", "assert", "let", "ns"} <= names
    declared = {ns.get("prefix") for ns in sch.iter(f"{{{SCH_NS}}}ns")}
    used = sch_prefixes_used(sch)
    assert {"tei", "xs", "map"} <= used
    assert used <= declared, f"prefixes used without sch:ns: {sorted(used - declared)}"
    # Rule contexts are XSLT patterns (every processor compiles them into xsl:template/@match).
    for rule in sch.iter(f"{{{SCH_NS}}}rule"):
        assert rule.get("context"), "a rule without context"

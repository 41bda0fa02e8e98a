"""schema/teiedit.odd is a portable ODD: the TEI's own ODD processor compiles it to the same verdicts.

The TEI Stylesheets (../shared/tei-p5/stylesheets: odd2odd with p5subset.xml, odd2relax, extract-isosch)
run in saxonche once per session; their RELAX NG runs in Jing and their Schematron in teiedit's
Schematron runner. The verdict table (file -> grammar valid?, rules kept?) must equal the one of
teiedit's own compiled schema, on the edition and on every validation case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from schema_engines import jing_verdicts, sch_prefixes_used, tei_stylesheets

from teiedit.io import read_xml
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


@pytest.fixture(scope="session")
def tei_compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """schema/teiedit.odd compiled by the TEI's own toolchain: compiled.odd, teiedit.rng, teiedit.isosch."""
    shared = REPO.parent / "shared" / "tei-p5"
    if not shared.is_dir():
        pytest.fail(f"../shared is missing at {shared}: the tests need the TEI reference data")
    out = tmp_path_factory.mktemp("tei-toolchain")
    stylesheets = shared / "stylesheets"
    compiled = tei_stylesheets(
        stylesheets,
        "odd2odd",
        read_xml(REPO / "schema" / "teiedit.odd"),
        defaultSource=(shared / "p5subset.xml").as_uri(),
    )
    compiled.write(str(out / "compiled.odd"))
    tei_stylesheets(stylesheets, "odd2relax", compiled).write(str(out / "teiedit.rng"))
    tei_stylesheets(stylesheets, "extract-isosch", compiled).write(str(out / "teiedit.isosch"))
    return out


def _grammar_and_rules(doc: Path, rng: Path, sch: Path) -> tuple[bool, bool]:
    """(valid against the grammar?, every Schematron rule kept?) with teiedit's runners."""
    from teiedit.validate import schematron_diagnostics

    grammar = validate_file(doc, Schemas(rng=rng, schematron=False)) == []
    tree = etree.parse(str(doc))
    rules = schematron_diagnostics(tree, str(doc), sch, doc) == []
    return grammar, rules


def test_tei_toolchain_gives_the_same_verdicts(tei_compiled: Path) -> None:
    docs = _documents()
    jing = jing_verdicts(tei_compiled / "teiedit.rng", docs)
    ours, theirs = {}, {}
    for doc in docs:
        ours[doc.name] = _grammar_and_rules(doc, BUILD / "teiedit.rng", BUILD / "teiedit.sch")
        _, rules = _grammar_and_rules(doc, BUILD / "teiedit.rng", tei_compiled / "teiedit.isosch")
        theirs[doc.name] = (jing[doc], rules)
    assert theirs == ours
    # The table has both kinds of failure and valid documents, so the comparison means something.
    assert sum(1 for g, r in ours.values() if g and r) >= 20
    assert sum(1 for g, _ in ours.values() if not g) >= 5
    assert sum(1 for g, r in ours.values() if g and not r) >= 4


def test_tei_toolchain_rng_has_every_datatype(tei_compiled: Path) -> None:
    """No teidata.* reference is left dangling: each of the ODD's datatypes is declared in it."""
    odd = read_xml(REPO / "schema" / "teiedit.odd")
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    used = set(odd.xpath("//t:dataRef/@key", namespaces=ns))
    declared = set(odd.xpath("//t:dataSpec/@ident", namespaces=ns))
    assert len(used) >= 15
    assert used <= declared
    rng = etree.parse(str(tei_compiled / "teiedit.rng"))
    assert not rng.xpath(
        "//r:ref[starts-with(@name, 'teidata.')]",
        namespaces={"r": "http://relaxng.org/ns/structure/1.0"},
    )


def test_tei_toolchain_schematron_declares_its_namespaces(tei_compiled: Path) -> None:
    isosch = etree.parse(str(tei_compiled / "teiedit.isosch")).getroot()
    declared = {ns.get("prefix") for ns in isosch.iter("{http://purl.oclc.org/dsdl/schematron}ns")}
    used = sch_prefixes_used(isosch)
    assert {"tei", "xs", "map"} <= used
    assert used <= declared

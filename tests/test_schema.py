"""The ODD compiler and the committed compiled schema; the customisation against TEI and the conventions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teiedit.odd import load_odd
from teiedit.odd.build import compiled_files
from teiedit.validate import load_rng

REPO = Path(__file__).resolve().parent.parent
VALID_CASES = Path(__file__).resolve().parent / "cases" / "validate" / "valid"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def _rng(path: str) -> etree.RelaxNG:
    return load_rng(Path(path))  # shared cache with test_validate: tei_all takes long to load


def _ours() -> etree.RelaxNG:
    return _rng(str(REPO / "schema" / "build" / "teiedit.rng"))


def _declared_elements() -> set[str]:
    odd = etree.parse(str(REPO / "schema" / "teiedit.odd"))
    return set(odd.xpath("//t:schemaSpec/t:elementSpec/@ident", namespaces=TEI))


def test_compiled_files_are_not_stale() -> None:
    fresh = compiled_files(load_odd(REPO / "schema" / "teiedit.odd"))
    assert set(fresh) == {
        "teiedit.rng",
        "teiedit.sch",
        "teiedit.xsd",
        "teiedit.html",
        "xml.xsd",
        "teiedit-pm.xsl",  # the processing model, web and print
        "teiedit-pm-print.xsl",
    }
    for name, data in fresh.items():
        committed = (REPO / "schema" / "build" / name).read_bytes()
        assert data == committed, f"schema/build/{name} is stale: run `teiedit schema` and commit"


def test_compilation_is_deterministic() -> None:
    odd = REPO / "schema" / "teiedit.odd"
    assert compiled_files(load_odd(odd)) == compiled_files(load_odd(odd))


def test_edition_tei_is_valid_against_teiedit_and_tei_all(tei_all: etree.RelaxNG) -> None:
    files = [
        *sorted((REPO / "tei").glob("*.xml")),
        *sorted((REPO / "tei").glob("registers/*.xml")),
        *sorted((REPO / "tei").glob("front/*.xml")),
    ]
    assert files, "tei/ is empty: run `teiedit build`"
    for f in files:
        doc = etree.parse(str(f))
        assert _ours().validate(doc), (f.name, str(_ours().error_log))
        assert tei_all.validate(doc), (f.name, str(tei_all.error_log))


def test_valid_samples_are_valid_against_teiedit_and_tei_all(tei_all: etree.RelaxNG) -> None:
    files = sorted(VALID_CASES.glob("*.xml"))
    assert len(files) >= 4
    for f in files:
        doc = etree.parse(str(f))
        assert _ours().validate(doc), (f.name, str(_ours().error_log))
        assert tei_all.validate(doc), (f.name, str(tei_all.error_log))


def test_every_declared_element_is_used_by_a_valid_sample() -> None:
    used = {
        etree.QName(e).localname
        for f in VALID_CASES.glob("*.xml")
        for e in etree.parse(str(f)).iter()
        if isinstance(e.tag, str)
    }
    assert _declared_elements() - used == set()


def test_conventions_elements_are_declared(shared: Path) -> None:
    """Every TEI element docs/tei-conventions.md names (as <name> or in `a/b/c` paths) is in the ODD."""
    text = (REPO / "docs" / "tei-conventions.md").read_text(encoding="utf-8")
    words = set(re.findall(r"<([A-Za-z]+)[\s>/]", text))
    prose = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    for span in re.findall(r"`([^`\n]+)`", prose):
        # drop predicates, quoted values, attribute names and file names: only element names remain
        span = re.sub(
            r'\[[^\]]*\]|"[^"]*"|@[\w:]+|\S+\.(?:xml|txt|py|md|rng|sch|json)\S*', " ", span
        )
        words |= set(re.findall(r"[A-Za-z][\w-]*", span))
    p5 = etree.parse(str(shared / "tei-p5" / "p5subset.xml"))
    tei_elements = set(p5.xpath("//t:elementSpec/@ident", namespaces=TEI))
    assert sorted((words & tei_elements) - _declared_elements()) == []


def test_html_reference_documents_every_element() -> None:
    from lxml import html

    page = html.parse(str(REPO / "schema" / "build" / "teiedit.html")).getroot()
    declared = sorted(_declared_elements())
    assert len(declared) > 50
    for ident in declared:
        section = page.xpath(f"//h2[@id='el-{ident}']/..")
        assert section, ident
        sec = section[0]
        assert sec.xpath(".//div[@class='model']/code"), f"{ident}: no content model"
        example = sec.xpath("string(.//h3[.='Example']/following-sibling::pre[1])")
        assert example.startswith(f"<{ident}") or f"<{ident}" in example, f"{ident}: no example"
    gap = page.xpath("//h2[@id='el-gap']/..")[0]
    assert "only: illegible | omitted | damage | unrecoverable" in gap.text_content()
    choice = page.xpath("//h2[@id='el-choice']/..")[0]
    assert choice.xpath(".//a[@href='#rule-choice-both-readings']")
    assert page.xpath("//li[@id='rule-pointers-resolve']")


def test_edition_files_point_editors_at_the_compiled_schemas() -> None:
    """Every file in tei/ carries xml-model PIs for the RNG and the Schematron, and both files exist."""
    from teiedit.validate import RNG_NS, SCH_NS, xml_models

    files = sorted((REPO / "tei").glob("*.xml"))
    assert files
    for f in files:
        models = {m.schematypens: m.href for m in xml_models(etree.parse(str(f)))}
        assert set(models) >= {RNG_NS, SCH_NS}, f.name
        for href in models.values():
            assert (f.parent / href).resolve().is_file(), (f.name, href)


def test_cli_schema_writes_the_compiled_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import run_cli

    code, out, _ = run_cli(
        ["schema", "--odd", str(REPO / "schema" / "teiedit.odd"), "--out", str(tmp_path)], capsys
    )
    assert code == 0
    for name in ("teiedit.rng", "teiedit.sch", "teiedit.xsd", "teiedit.html", "xml.xsd"):
        written = tmp_path / name
        assert f"wrote {written}" in out
        assert written.read_bytes() == (REPO / "schema" / "build" / name).read_bytes()

"""The ODD compiler and the committed compiled schema; the customisation against TEI and the conventions."""

from __future__ import annotations

import re
from pathlib import Path

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


def _tei_all(shared: Path) -> etree.RelaxNG:
    return _rng(str(shared / "tei-p5" / "schemas" / "rng" / "tei_all.rng"))


def _declared_elements() -> set[str]:
    odd = etree.parse(str(REPO / "schema" / "teiedit.odd"))
    return set(odd.xpath("//t:schemaSpec/t:elementSpec/@ident", namespaces=TEI))


def test_compiled_files_are_not_stale() -> None:
    fresh = compiled_files(load_odd(REPO / "schema" / "teiedit.odd"))
    assert {"rng", "sch"} <= set(fresh)
    for suffix, data in fresh.items():
        committed = (REPO / "schema" / "build" / f"teiedit.{suffix}").read_bytes()
        assert data == committed, f"schema/build/teiedit.{suffix} is stale: run `teiedit schema` and commit"


def test_compilation_is_deterministic() -> None:
    odd = REPO / "schema" / "teiedit.odd"
    assert compiled_files(load_odd(odd)) == compiled_files(load_odd(odd))


def test_edition_tei_is_valid_against_teiedit_and_tei_all(shared: Path) -> None:
    files = sorted((REPO / "tei").glob("*.xml")) + sorted((REPO / "tei").glob("registers/*.xml"))
    assert files, "tei/ is empty: run `teiedit build`"
    for f in files:
        doc = etree.parse(str(f))
        assert _ours().validate(doc), (f.name, str(_ours().error_log))
        assert _tei_all(shared).validate(doc), (f.name, str(_tei_all(shared).error_log))


def test_valid_samples_are_valid_against_teiedit_and_tei_all(shared: Path) -> None:
    files = sorted(VALID_CASES.glob("*.xml"))
    assert len(files) >= 4
    for f in files:
        doc = etree.parse(str(f))
        assert _ours().validate(doc), (f.name, str(_ours().error_log))
        assert _tei_all(shared).validate(doc), (f.name, str(_tei_all(shared).error_log))


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
    prose = re.sub(r"```.*?```", " ", text, flags=re.S)
    for span in re.findall(r"`([^`\n]+)`", prose):
        # drop predicates, quoted values, attribute names and file names: only element names remain
        span = re.sub(r'\[[^\]]*\]|"[^"]*"|@[\w:]+|\S+\.(?:xml|txt|py|md|rng|sch|json)\S*', " ", span)
        words |= set(re.findall(r"[A-Za-z][\w-]*", span))
    p5 = etree.parse(str(shared / "tei-p5" / "p5subset.xml"))
    tei_elements = set(p5.xpath("//t:elementSpec/@ident", namespaces=TEI))
    assert sorted((words & tei_elements) - _declared_elements()) == []

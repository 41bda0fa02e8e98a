"""The repair pass: damaged text -> choice/sic+corr, nothing lost, nothing changed in clean text.

Cases: every tests/cases/repair/<case>.in.xml, run through the repair pass alone, must give <case>.out.xml
(compared canonically; `pytest --update-goldens` rewrites them, review the diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_golden, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.config import default_edition
from teiedit.document import TeiDocument, xpath
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.repair import document_shift, english, find_repairs
from teiedit.serialize import serialize_tei
from teiedit.transforms import PassContext, original_reading, run_passes

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "repair"
INPUTS = sorted(CASES.glob("*.in.xml"))
BULLETIN = REPO / "sources" / "bulletin-cwihp-1956-crisis-documents.txt"
CLEAN_SOURCES = sorted(p for p in (REPO / "sources").glob("*.txt") if p != BULLETIN)


def _doc(path: Path) -> TeiDocument:
    tree = etree.parse(str(path))
    return TeiDocument(tree=tree, name=path.name.split(".")[0])


def _repair(doc: TeiDocument, **options: object) -> PassContext:
    ctx = PassContext(edition=default_edition(CASES), options=dict(options))
    diags = run_passes(doc, ctx, strict=True, only=["repair"])
    assert not diags, [d.message for d in diags]
    return ctx


@pytest.mark.parametrize("src", INPUTS, ids=[p.name.split(".")[0] for p in INPUTS])
def test_repair_case(src: Path, update_goldens: bool) -> None:
    doc = _doc(src)
    _repair(doc)
    assert_golden(etree.tostring(doc.root), src.with_name(src.name.replace(".in.", ".out.")), update_goldens)


@pytest.mark.parametrize("src", INPUTS, ids=[p.name.split(".")[0] for p in INPUTS])
def test_repair_is_idempotent_and_keeps_the_original_reading(src: Path) -> None:
    doc = _doc(src)
    text_el = xpath(doc.root, "tei:text")[0]
    before = original_reading(text_el)
    header_before = etree.tostring(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0])
    _repair(doc)
    assert original_reading(text_el) == before
    assert etree.tostring(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0]) == header_before
    once = etree.tostring(doc.root)
    _repair(doc)
    assert etree.tostring(doc.root) == once


def test_no_repair_option_turns_the_pass_off() -> None:
    doc = _doc(CASES / "shifted-words.in.xml")
    ctx = _repair(doc, repair=False)
    assert not xpath(doc.root, "//tei:choice")
    assert "repair" not in ctx.records


def test_repairs_declared_in_editorial_decl_and_recorded() -> None:
    doc = _doc(CASES / "shifted-words.in.xml")
    ctx = _repair(doc)
    corrections = xpath(doc.root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl/tei:correction/tei:p")
    assert len(corrections) == 1 and "sic" in (corrections[0].text or "")
    records = ctx.records["repair"]
    corrs = xpath(doc.root, "//tei:text//tei:corr")
    assert len(records) == len(corrs) >= 8
    assert {r["cert"] for r in records} <= {"high", "medium", "low"}
    assert [r["reading"] for r in records[:3]] == ["Soviet", "Foreign", "Ministry"]


@pytest.fixture(scope="module")
def bulletin_conversion() -> tuple[list[TeiDocument], list[object], dict[str, list[dict[str, object]]]]:
    source = source_from_file(BULLETIN)
    conversion, diags, records = convert_text(source, default_edition(REPO), ConvertOptions())
    return conversion.documents, diags, records


def test_bulletin_repaired_without_losing_a_character(bulletin_conversion) -> None:  # type: ignore[no-untyped-def]
    docs, diags, records = bulletin_conversion
    assert not [d for d in diags if getattr(d, "level").value == "fatal"]  # strict mode checks the invariant
    assert len(records["repair"]) > 500
    source_text = BULLETIN.read_text(encoding="utf-8")
    for doc in docs:
        for sic in xpath(doc.root, "//tei:text//tei:sic"):
            assert "".join(sic.itertext()) in source_text
        for corr in xpath(doc.root, "//tei:text//tei:corr"):
            assert corr.get("resp") == "#teiedit" and corr.get("cert") in {"high", "medium", "low"}
            assert corr.get("type") in {"shift", "letterspace", "ligature", "quote", "hyphenation"}
        xml = serialize_tei(doc.tree)
        assert b"pdf-debris" in xml


@pytest.mark.parametrize("src", CLEAN_SOURCES, ids=[p.stem for p in CLEAN_SOURCES])
def test_clean_sources_get_no_repairs(src: Path) -> None:
    source = source_from_file(src)
    conversion, diags, records = convert_text(source, default_edition(REPO), ConvertOptions())
    assert not records.get("repair")
    for doc in conversion.documents:
        assert not xpath(doc.root, "//tei:choice | //tei:seg[@type='pdf-debris'] | //tei:correction")


def test_cli_no_repair_writes_no_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run_cli(["convert", str(BULLETIN), "--out", str(tmp_path), "--no-repair"], capsys)
    assert code == 0
    for xml in tmp_path.glob("*.xml"):
        root = etree.parse(str(xml)).getroot()
        assert not xpath(root, "//tei:choice | //tei:seg[@type='pdf-debris']")


_COMMON = [w for w, _ in zip(english().freq, range(3000), strict=False) if w.isalpha()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(_COMMON), min_size=3, max_size=60),
    punct=st.lists(st.sampled_from(["", "", "", ",", ".", ";", ":", "?"]), min_size=60, max_size=60),
    caps=st.lists(st.booleans(), min_size=60, max_size=60),
)
def test_no_false_repairs_on_english(words: list[str], punct: list[str], caps: list[bool]) -> None:
    text = " ".join(
        (w.capitalize() if c else w) + p for w, p, c in zip(words, punct, caps, strict=False)
    )
    k = document_shift([text])
    assert find_repairs(text, k) == []

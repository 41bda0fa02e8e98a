"""The repair pass: damaged text -> choice/sic+corr, nothing lost, nothing changed in clean text.

Cases: every tests/cases/repair/<case>.in.xml, run through the repair pass alone, must give <case>.out.xml
(compared canonically; `pytest --update-goldens` rewrites them, review the diff).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import converted
from helpers import assert_golden, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.config import default_settings
from teiedit.document import TeiDocument, xpath
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.repair.find import document_shift, find_repairs
from teiedit.repair.model import english
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
    ctx = PassContext(settings=default_settings(CASES), options=dict(options))
    diags = run_passes(doc, ctx, strict=True, only=["repair"])
    assert not diags, [d.message for d in diags]
    return ctx


@pytest.mark.parametrize("src", INPUTS, ids=[p.name.split(".")[0] for p in INPUTS])
def test_repair_case(src: Path, update_goldens: bool) -> None:
    doc = _doc(src)
    _repair(doc)
    assert_golden(
        etree.tostring(doc.root), src.with_name(src.name.replace(".in.", ".out.")), update_goldens
    )


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


def test_text_in_another_language_is_not_read_with_the_english_model() -> None:
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader/>'
        '<text xml:lang="de"><body><p>Die Staß der Botschaft. Mit sozialistischem Gruß</p>'
        '<p xml:lang="en">The staß of the embassy met the oßicials.</p></body></text></TEI>'
    )
    doc = TeiDocument(tree=etree.ElementTree(root), name="de")
    _repair(doc)
    german, english = xpath(doc.root, "//tei:body/tei:p")
    assert german.xpath("string()") == "Die Staß der Botschaft. Mit sozialistischem Gruß"
    assert not german.xpath(".//*")
    assert english.xpath("string(.//*[local-name()='corr'])")  # English debris is still mended


def test_repairs_declared_in_editorial_decl_and_recorded() -> None:
    doc = _doc(CASES / "shifted-words.in.xml")
    ctx = _repair(doc)
    corrections = xpath(
        doc.root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl/tei:correction/tei:p"
    )
    assert len(corrections) == 1 and "sic" in (corrections[0].text or "")
    records = ctx.records["repair"]
    corrs = xpath(doc.root, "//tei:text//tei:corr")
    assert len(records) == len(corrs) >= 8
    assert {r["cert"] for r in records} <= {"high", "medium", "low"}
    assert [r["reading"] for r in records[:3]] == ["Soviet", "Foreign", "Ministry"]


@pytest.fixture(scope="module")
def bulletin_conversion() -> tuple[
    list[TeiDocument], list[object], dict[str, list[dict[str, object]]]
]:
    _, conversion, diags, records = converted(BULLETIN)
    return conversion.documents, diags, records


def test_bulletin_repaired_without_losing_a_character(bulletin_conversion) -> None:  # type: ignore[no-untyped-def]
    docs, diags, records = bulletin_conversion
    assert not [d for d in diags if d.level.value == "fatal"]  # strict mode checks the invariant
    assert len(records["repair"]) > 500
    source_text = BULLETIN.read_text(encoding="utf-8")
    flat_source = " ".join(source_text.split())
    debris = 0
    for doc in docs:
        for sic in xpath(doc.root, "//tei:text//tei:sic"):
            if xpath(
                sic, "tei:lb[@type='paragraph']"
            ):  # a word joined across blocks: the break was blank lines
                assert " ".join(_with_breaks(sic).split()) in flat_source
            else:
                assert "".join(sic.itertext()) in source_text
        for corr in xpath(doc.root, "//tei:text//tei:corr"):
            assert corr.get("resp") == "#teiedit" and corr.get("cert") in {"high", "medium", "low"}
            assert corr.get("type") in {
                "shift",
                "letterspace",
                "ligature",
                "quote",
                "hyphenation",
                "debris",
            }
        debris += serialize_tei(doc.tree).count(b'type="pdf-debris"')
    assert debris >= 2


def _with_breaks(sic: etree._Element) -> str:
    """The text of a ``sic``, its block-break markers read as the line breaks the extraction had there."""
    parts = [sic.text or ""]
    for child in sic:
        parts.append("\n" if etree.QName(child).localname == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


@pytest.mark.parametrize("src", CLEAN_SOURCES, ids=[p.stem for p in CLEAN_SOURCES])
def test_clean_sources_get_no_repairs(src: Path) -> None:
    """With and without the repair pass, a clean source converts to exactly the same TEI."""
    source, conversion, _diags, records = converted(src)
    assert not records.get("repair")
    plain, _diags, _records = convert_text(
        source, default_settings(REPO), ConvertOptions(repair=False)
    )
    assert [serialize_tei(d.tree) for d in conversion.documents] == [
        serialize_tei(d.tree) for d in plain.documents
    ]
    for doc in conversion.documents:
        assert not xpath(doc.root, "//tei:corr[@resp='#teiedit'] | //tei:seg[@type='pdf-debris']")


def test_cli_no_repair_writes_no_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run_cli(
        ["convert", str(BULLETIN), "--out", str(tmp_path), "--no-repair"], capsys
    )
    assert code == 0
    files = list(tmp_path.glob("*.xml"))
    assert files
    for xml in files:
        root = etree.parse(str(xml)).getroot()
        assert not xpath(root, "//tei:corr[@type] | //tei:seg[@type='pdf-debris']")


_COMMON = [w for w, _ in zip(english().freq, range(3000), strict=False) if w.isalpha()]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(_COMMON), min_size=3, max_size=60),
    punct=st.lists(
        st.sampled_from(["", "", "", ",", ".", ";", ":", "?"]), min_size=60, max_size=60
    ),
    caps=st.lists(st.booleans(), min_size=60, max_size=60),
)
def test_no_false_repairs_on_english(words: list[str], punct: list[str], caps: list[bool]) -> None:
    text = " ".join(
        (w.capitalize() if c else w) + p for w, p, c in zip(words, punct, caps, strict=False)
    )
    k = document_shift([text])
    assert find_repairs(text, k) == []


def _encode(text: str, k: int) -> str:
    """What a font shifted by ``k`` makes of ``text`` (the damage, for tests of other offsets)."""
    return "".join(chr(ord(c) + k) if 0x20 <= ord(c) <= 0x7E - k else c for c in text)


CLEAN_SENTENCE = (
    "The delegation of the party returned to the capital and reported on the situation "
    "in the country to the members of the committee"
)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_any_font_shift_is_found_and_undone(k: int) -> None:
    damaged = "Before the meeting, " + _encode(CLEAN_SENTENCE, k) + " was read out."
    assert document_shift([damaged]) == k
    repairs = find_repairs(damaged, k)
    assert {r.type for r in repairs} == {"shift"}
    corrected = damaged
    for r in reversed(repairs):
        corrected = corrected[: r.start] + r.reading + corrected[r.end :]
    assert " ".join(corrected.split()) == f"Before the meeting, {CLEAN_SENTENCE} was read out."


@pytest.mark.parametrize(
    ("decoded", "reading", "cert"),
    [
        ("ofŁcials", "officials", "high"),  # ligature glyph read as fi
        ("Łatterers", "flatterers", "high"),  # ... or fl, whichever makes a word
        ("didnøt", "didn't", "high"),  # mangled apostrophe inside a word
        ("ōboss.ō", "“boss.”", "high"),  # mangled quotes at the edges
        ("Jve", "five", "medium"),  # a capital letter standing for a ligature
        ("Sovjit", "Soviet", "low"),  # two edits from a common word
        ("Minitlry", "Ministry", "low"),
        ("i", "I", "high"),
        ("Sangjo", "Sangjo", "medium"),  # an unknown name stays as decoded
    ],
)
def test_fix_word_table(decoded: str, reading: str, cert: str) -> None:
    from teiedit.repair.words import fix_word

    got, got_cert, _method = fix_word(decoded, english())
    assert (got, got_cert) == (reading, cert)


@pytest.mark.parametrize(
    ("spaced", "reading"),
    [
        ("b e i n g f o r c e d t o w o r k", "being forced to work"),
        ('s a y s w h a t " i s n e c e s s a r y . " T h i s', 'says what "is necessary." This'),
        ("G e n e r a l - L i e u t e n a n t G i m", "General-Lieutenant Gim"),
    ],
)
def test_unspace_table(spaced: str, reading: str) -> None:
    from teiedit.repair.letterspace import unspace

    assert unspace(spaced, english()) == reading


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(_COMMON), min_size=10, max_size=60),
    names=st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9),
        min_size=1,
        max_size=12,
        unique=True,
    ),
)
def test_no_false_repairs_on_english_with_foreign_names(words: list[str], names: list[str]) -> None:
    """Unknown names (random letter strings, capitalised) among English words are not taken for damage.

    The names are distinct: one string three times over that an offset turns into an English word
    ("Ebxo" is "Dawn" one letter back) is what a shifted font looks like, and is read as one."""
    mixed = list(words)
    for i, name in enumerate(names):
        mixed.insert((i * 7) % (len(mixed) + 1), name.capitalize())
    text = " ".join(mixed) + "."
    k = document_shift([text])
    assert find_repairs(text, k) == []


def test_damage_across_inline_markup_is_reported_not_applied(tmp_path: Path) -> None:
    src = CASES / "shifted-words.in.xml"
    xml = src.read_text(encoding="utf-8").replace('qhŁekcnu"', 'qh<hi rend="italic">Łekcnu"</hi>')
    path = tmp_path / "case.xml"
    path.write_text(xml, encoding="utf-8")
    doc = _doc(path)
    ctx = _repair(doc)
    skipped = ctx.records["repair-not-applied"]
    assert [r["original"] for r in skipped] == ['qhŁekcnu"']
    assert "Soviet" in [c.text for c in xpath(doc.root, "//tei:corr")]
    assert xpath(doc.root, "//tei:hi")[0].text == 'Łekcnu"'


@pytest.mark.parametrize(
    ("head", "tail", "joined"),
    [
        ("Commu", "nist", "Communist"),  # neither fragment is a word
        ("inde", "pendent", "independent"),
        ("active", "ly", "actively"),  # one fragment is a word, but rarer than the joined word
        ("well", "being", None),  # both fragments commoner words than the joined form: a compound
        ("long", "term", None),
        ("com", "in", None),  # text after the break that is no continuation
        ("inde", "Pendent", None),  # upper-case start
        ("qzx", "vwk", None),  # the joined form is no word
    ],
)
def test_joined_word_across_blocks_table(head: str, tail: str, joined: str | None) -> None:
    from teiedit.repair.across_blocks import joined_word

    assert joined_word(head, tail, english()) == joined


def test_join_across_blocks_recorded_and_replaces_the_shift_repair() -> None:
    doc = _doc(CASES / "hyphen-across-shifted-text.in.xml")
    ctx = _repair(doc)
    joins = [r for r in ctx.records["repair"] if r["type"] == "hyphenation"]
    assert [(r["original"], r["reading"], r["cert"]) for r in joins] == [
        ('Commu-\n\npkuv"', "Communist ", "high")
    ]
    assert "shifted text decoded" in str(joins[0]["method"])
    # the shift repair of the continuation is gone from the TEI and so from the report
    assert not [r for r in ctx.records["repair"] if r["original"] == 'pkuv"']
    assert len(ctx.records["repair"]) == len(xpath(doc.root, "//tei:text//tei:corr"))
    assert len(xpath(doc.root, "//tei:body/tei:p")) == 1


def test_join_across_blocks_splits_back_to_the_extracted_blocks() -> None:
    """Undoing a join (the source's reading, cut at the break marker) gives back the blocks as extracted."""
    src = CASES / "hyphen-across-page-number.in.xml"
    extracted = [original_reading(p) for p in xpath(_doc(src).root, "//tei:body/tei:p")]
    doc = _doc(src)
    _repair(doc)
    merged = xpath(doc.root, "//tei:body/tei:p")
    assert len(merged) == 1
    sic = xpath(merged[0], "tei:choice/tei:sic")[0]
    assert [(etree.QName(el).localname, el.get("type"), el.get("break")) for el in sic] == [
        ("lb", "paragraph", "no"),
        ("fw", "pageNum", None),
        ("pb", None, None),
    ]
    marker = sic[0]
    marker.tail = "\ue000" + (marker.tail or "")  # a private-use sentinel
    first, rest = original_reading(merged[0]).split("\ue000")
    assert first == extracted[0]
    between, _, second = rest.partition("bers")
    assert " ".join(between.split()) == ". 2"  # the page furniture, kept in sic
    assert "bers" + second == extracted[1]

"""The `brackets` pass: case table, original-reading invariant, editorialDecl, tei_all validity, sources.

The case table is tests/cases/brackets/cases.xml: input element -> expected element (canonical compare) and
the kinds the pass must record. Every case, every generated input and every converted source must keep the
document's original reading (square brackets included) and stay valid against tei_all.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import pytest
from helpers import canonical, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedit.brackets.conventions import DECL_N, editorial_decl_paragraphs, kinds_in
from teiedit.config import default_settings
from teiedit.diagnostics import Level
from teiedit.document import TEI_NS, TeiDocument, local_name, tei, xpath
from teiedit.transforms import PassContext, ordered_passes, original_reading, run_passes

CASES_FILE = Path(__file__).parent / "cases" / "brackets" / "cases.xml"
REPO = Path(__file__).resolve().parent.parent

SKELETON = f"""<TEI xmlns="{TEI_NS}" xml:id="doc"><teiHeader><fileDesc><titleStmt><title>T [draft]</title>
</titleStmt><publicationStmt><p>P [x]</p></publicationStmt><sourceDesc><p>S [illegible]</p></sourceDesc>
</fileDesc>{{encoding}}</teiHeader><text><body>{{body}}</body></text></TEI>"""
ENCODING = (
    '<encodingDesc><appInfo><application ident="teiedit" version="1" xml:id="teiedit">'
    "<label>teiedit</label></application></appInfo></encodingDesc>"
)


def _cases() -> list[etree._Element]:
    return [c for c in etree.parse(str(CASES_FILE)).getroot() if isinstance(c.tag, str)]


def _doc(body: str | etree._Element, encoding: str = ENCODING) -> TeiDocument:
    if isinstance(body, str):
        root = etree.fromstring(SKELETON.format(encoding=encoding, body=body))
    else:
        root = etree.fromstring(SKELETON.format(encoding=encoding, body=""))
        root.find(f"{tei('text')}/{tei('body')}").append(copy.deepcopy(body))
    return TeiDocument(tree=etree.ElementTree(root), name="doc")


def _run(doc: TeiDocument) -> PassContext:
    ctx = PassContext(settings=default_settings(REPO))
    diags = run_passes(doc, ctx, strict=True, only=["brackets"])
    assert not [d for d in diags if d.level is Level.FATAL], [d.message for d in diags]
    return ctx


def _c14n(el: etree._Element) -> str:
    """Canonical form of one element on its own (namespace declared, tail left out)."""
    return canonical(etree.tostring(el, with_tail=False))


def _body_child(doc: TeiDocument) -> etree._Element:
    return xpath(doc.root, "tei:text/tei:body/*[1]")[0]


def _assert_valid(rng: etree.RelaxNG, doc: TeiDocument) -> None:
    assert rng.validate(doc.tree), str(rng.error_log)[:2000]


# --- the case table -----------------------------------------------------------------------------------------

CASES = _cases()


@pytest.mark.parametrize("case", CASES, ids=[c.get("id") for c in CASES])
def test_case_table(case: etree._Element) -> None:
    given_el = case.find(tei("in"))[0]
    expected = case.find(tei("out"))[0]
    doc = _doc(given_el)
    before = original_reading(_body_child(doc))
    ctx = _run(doc)
    got = _body_child(doc)
    assert _c14n(got) == _c14n(expected)
    # the invariant, on the element itself (run_passes checked it on tei:text)
    assert original_reading(got) == before
    kinds = [r["kind"] for r in ctx.records.get("brackets", [])]
    assert kinds == (case.get("records") or "").split()


def test_case_outputs_are_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    # each case in its own div (a closer needs a paragraph before it)
    body = "".join(
        "<div><p>x</p>"
        + etree.tostring(c.find(tei("out"))[0], encoding="unicode", with_tail=False)
        + "</div>"
        for c in CASES
    )
    doc = _doc(body)
    _run(doc)  # a second run over the expected output: nothing left to do, still valid
    _assert_valid(tei_all, doc)


def test_pass_order_between_repair_and_entities() -> None:
    position = {p.name: i for i, p in enumerate(ordered_passes())}
    assert position["repair"] < position["brackets"] < position["entities"]
    assert position["brackets"] < position["assign-ids"]


def test_second_run_changes_nothing() -> None:
    doc = _doc("<p>a [illegible] b [or] c Pak Heon-yeong [Pak Hon Yong] d finances[?] e</p>")
    _run(doc)
    first = canonical(doc.root)
    ctx = _run(doc)
    assert canonical(doc.root) == first
    assert ctx.records.get("brackets") is None


def test_header_and_attributes_are_never_rewritten() -> None:
    doc = _doc('<p n="[illegible]">x [illegible] y</p>')
    header_before = _c14n(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0])
    _run(doc)
    assert _c14n(xpath(doc.root, "tei:teiHeader/tei:fileDesc")[0]) == header_before
    assert _body_child(doc).get("n") == "[illegible]"


# --- editorialDecl ------------------------------------------------------------------------------------------


def test_editorial_decl_states_the_kinds_used() -> None:
    doc = _doc("<p>a [illegible] b [or] c</p>")
    _run(doc)
    decl = xpath(doc.root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl")
    assert len(decl) == 1
    paras = xpath(decl[0], f"tei:p[@n='{DECL_N}']")
    assert len(paras) == 1
    text = paras[0].text or ""
    assert "gap" in text and "supplied" in text and '@rend="brackets"' in text
    assert "romanisation" not in text  # only the conventions this document uses
    # appInfo stays first, editorialDecl follows it
    assert [local_name(c) for c in decl[0].getparent()] == ["appInfo", "editorialDecl"]


def test_editorial_decl_created_with_encoding_desc_in_schema_order(tei_all: etree.RelaxNG) -> None:
    doc = _doc(
        "<p>a [...] b</p>",
        encoding="<profileDesc><langUsage><language ident='en'>English</language>"
        "</langUsage></profileDesc>",
    )
    _run(doc)
    header = xpath(doc.root, "tei:teiHeader")[0]
    assert [local_name(c) for c in header] == ["fileDesc", "encodingDesc", "profileDesc"]
    _assert_valid(tei_all, doc)


def test_editorial_decl_goes_before_later_declarations_and_is_not_repeated() -> None:
    enc = (
        "<encodingDesc><editorialDecl><p>Orthography as in the original.</p></editorialDecl>"
        '<tagsDecl><namespace name="x"/></tagsDecl></encodingDesc>'
    )
    doc = _doc("<p>a [...] b</p>", encoding=enc)
    _run(doc)
    doc.root.find(f".//{tei('body')}").append(
        etree.fromstring(f'<p xmlns="{TEI_NS}">more [or] text</p>')
    )
    _run(doc)
    decl = xpath(doc.root, "tei:teiHeader/tei:encodingDesc/tei:editorialDecl")[0]
    assert [local_name(c) for c in decl.getparent()] == ["editorialDecl", "tagsDecl"]
    paras = xpath(decl, "tei:p")
    assert paras[0].text == "Orthography as in the original."
    assert len(paras) == 2 and "supplied" in (paras[1].text or "")


def test_no_editorial_decl_when_nothing_changed() -> None:
    doc = _doc("<p>a footnote marker [1] and [Document #2]</p>")
    _run(doc)
    assert not xpath(doc.root, "//tei:editorialDecl")


def test_editorial_decl_paragraphs_cover_every_kind() -> None:
    kinds = [
        "gap",
        "signature",
        "supplied",
        "sic",
        "unclear",
        "romanisation",
        "expansion",
        "handwritten",
        "stamp",
        "note",
    ]
    text = editorial_decl_paragraphs(kinds)[0].text or ""
    for word in (
        "gap/desc",
        "signature",
        "supplied",
        "sic",
        "unclear",
        "choice",
        "abbr",
        "add",
        "stamp",
        'note[@type="editorial"]',
    ):
        assert word in text


def test_kinds_in_reads_the_tree() -> None:
    doc = _doc("<p>x [signed] y [stamp: A] z [?]</p>")
    _run(doc)
    assert kinds_in(doc.root) == ["signature", "unclear", "stamp"]


# --- property: random text with random brackets -------------------------------------------------------------

_BRACKETS = [
    "[illegible]",
    "[two words illegible]",
    "[...]",
    "[…]",
    "[or]",
    "[Bulganin]",
    "[SIC]",
    "[sic]",
    "[?]",
    "[signed]",
    "[signature]",
    "[Pak Hon Yong]",
    "[handwritten in the margin: ok]",
    "[Handwritten: [illegible]]",
    "[stamp: CC 1]",
    "[1]",
    "[ ]",
    "[",
    "]",
    "[[",
    "]]",
    "[Central Committee]",
    "[e]",
    "[Document #3]",
    "[2-3 words typed over]",
    "[date too faded]",
]
_WORDS = [
    "the",
    "Pak Heon-yeong",
    "S",
    "CC",
    "finances",
    "Kim",
    "replac",
    "x",
    "1956",
    "Nam Il",
    "won",
    "Cheong-",
    "\n",
    " ",
    "  ",
    ", ",
    ". ",
    '"',
    "’s",
    "&",
    "<",
    "é",
]
_piece = st.one_of(
    st.sampled_from(_BRACKETS),
    st.sampled_from(_WORDS),
    st.text(alphabet="ab []?.:-’\n", max_size=8),
)
_text = st.lists(_piece, max_size=14).map("".join)


@st.composite
def _mixed(draw: st.DrawFn, name: str) -> etree._Element:
    """An element of running text with random brackets and up to two inline children."""
    el = etree.Element(tei(name))
    el.text = draw(_text)
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        # figDesc has limited content: no lb, no names (TEI's macro.limitedContent)
        inline = ["hi"] if name == "figDesc" else ["hi", "persName", "lb", "date"]
        child = etree.SubElement(el, tei(draw(st.sampled_from(inline))))
        if local_name(child) != "lb":
            child.text = draw(_text)
        if local_name(child) == "hi":
            child.set("rend", "italic")
        child.tail = draw(_text)
    return el


@st.composite
def _block(draw: st.DrawFn) -> etree._Element:
    """A block of body content: a paragraph, a list item, a figure caption or a quotation in a paragraph."""
    kind = draw(st.sampled_from(["p", "item", "figDesc", "quote"]))
    if kind == "p":
        return draw(_mixed("p"))
    if kind == "item":
        block = etree.Element(tei("list"))
        block.append(draw(_mixed("item")))
        return block
    if kind == "figDesc":
        block = etree.Element(tei("figure"))
        block.append(draw(_mixed("figDesc")))
        return block
    block = draw(_mixed("p"))
    block.insert(0, draw(_mixed("quote")))
    return block


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(paras=st.lists(_block(), min_size=1, max_size=3))
def test_property_original_reading_and_validity(
    paras: list[etree._Element], tei_all: etree.RelaxNG
) -> None:
    doc = _doc("")
    body = xpath(doc.root, "tei:text/tei:body")[0]
    for p in paras:
        body.append(p)
    body.append(etree.fromstring(f'<p xmlns="{TEI_NS}">end</p>'))  # a body needs a paragraph
    assert tei_all.validate(doc.tree), str(tei_all.error_log)[
        :500
    ]  # the generator makes valid input
    text_el = xpath(doc.root, "tei:text")[0]
    before = original_reading(text_el)
    _run(doc)
    assert original_reading(text_el) == before
    reparsed = etree.fromstring(etree.tostring(doc.root))  # well-formed after serialisation
    assert original_reading(xpath(reparsed, "tei:text")[0]) == before
    _assert_valid(tei_all, doc)


# --- the converted sources ----------------------------------------------------------------------------------

#: What the pass must find in each kind of source (file stem prefix -> minimum counts per element kind).
#: Minimums, not exact figures: readers may set aside more boilerplate, but these are in the documents' text.
SOURCE_EXPECTATIONS = {
    "letter-": {"signature": 1, "supplied": 10, "unclear": 2, "expansion": 2},
    "webcapture-": {"gap": 2, "supplied": 12, "romanisation": 11},
    "bulletin-": {
        "gap": 10,
        "supplied": 30,
        "sic": 2,
        "handwritten": 1,
        "expansion": 3,
        "romanisation": 1,
    },
    "article-": {"unrecognised": 10},
}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    out = tmp_path_factory.mktemp("converted")
    report = out / "report.json"
    from teiedit.cli import main

    code = main(
        [
            "convert",
            *map(str, sorted((REPO / "sources").glob("*.txt"))),
            "--out",
            str(out / "tei"),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    return out / "tei", json.loads(report.read_text(encoding="utf-8"))


def _source_entries(report: object) -> list[dict[str, object]]:
    if isinstance(report, dict):
        for key in ("sources", "results"):
            if isinstance(report.get(key), list):
                return report[key]
    assert isinstance(report, list)
    return report


def test_sources_convert_with_brackets_found(converted: tuple[Path, object]) -> None:
    _, report = converted
    entries = _source_entries(report)
    assert len(entries) == 5
    for entry in entries:
        assert not [d for d in entry["diagnostics"] if d.get("level") == "fatal"], entry[
            "diagnostics"
        ]
        records = entry["passes"].get("brackets", [])
        counts = Counter(r["kind"] for r in records)
        stem = Path(entry["source"]).name
        for prefix, minimum in SOURCE_EXPECTATIONS.items():
            if stem.startswith(prefix):
                for kind, n in minimum.items():
                    assert counts[kind] >= n, (stem, kind, counts)


def test_sources_markup_matches_records_and_reading(
    converted: tuple[Path, object], tei_all: etree.RelaxNG
) -> None:
    out, report = converted
    recorded = Counter()
    for entry in _source_entries(report):
        for r in entry["passes"].get("brackets", []):
            if r["kind"] != "unrecognised":
                recorded[r["kind"]] += 1
    assert sum(recorded.values()) > 20
    found = Counter()
    files = sorted(out.glob("*.xml"))
    assert len(files) >= 5
    for f in files:
        tree = etree.parse(str(f))
        assert tei_all.validate(tree), (f.name, str(tei_all.error_log)[:1000])
        for el in xpath(tree.getroot(), "tei:text//*[@rend='brackets']"):
            found[local_name(el)] += 1
        reading = original_reading(xpath(tree.getroot(), "tei:text")[0])
        # every bracket element gives its brackets back
        assert reading.count("[") >= len(xpath(tree.getroot(), "tei:text//*[@rend='brackets']"))
    assert found["gap"] == recorded["gap"] + recorded["signature"]
    assert found["supplied"] == recorded["supplied"]
    assert (
        found["seg"]
        == recorded["romanisation"]
        + recorded["expansion"]
        + recorded["handwritten"]
        + recorded["stamp"]
    )
    assert found["note"] == recorded["sic"] + recorded["unclear"] + recorded["note"]


def test_source_round_trip_with_and_without_the_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The letter's original reading is the same whether the pass runs or not (the pass only adds markup)."""
    src = sorted((REPO / "sources").glob("letter-*.txt"))[0]
    from teiedit.pipeline import ConvertOptions, convert_text, source_from_file

    source = source_from_file(src)
    edition = default_settings(REPO)
    with_pass, _, _ = convert_text(source, edition, ConvertOptions())
    without, _, _ = convert_text(source, edition, ConvertOptions(pass_options={"brackets": False}))
    a = [original_reading(xpath(d.root, "tei:text")[0]) for d in with_pass.documents]
    b = [original_reading(xpath(d.root, "tei:text")[0]) for d in without.documents]
    assert a == b
    assert xpath(with_pass.documents[0].root, "//tei:gap[@reason='omitted'][tei:desc='signed']")
    assert not xpath(without.documents[0].root, "//tei:gap")
    code, _, _ = run_cli(["convert", str(src), "--out", str(tmp_path / "o")], capsys)
    assert code == 0


def test_case_outputs_are_valid_against_the_project_schema(
    converted: tuple[Path, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project's RNG and Schematron accept every case output (header taken from a converted letter)."""
    out, _ = converted
    letter = sorted(out.glob("letter-*.xml"))[0]
    root = etree.parse(str(letter)).getroot()
    text = root.find(tei("text"))
    root.remove(text)
    body = "".join(
        "<div><p>x</p>"
        + etree.tostring(c.find(tei("out"))[0], encoding="unicode", with_tail=False)
        + "</div>"
        for c in CASES
    )
    root.append(etree.fromstring(f'<text xmlns="{TEI_NS}"><body>{body}</body></text>'))
    target = tmp_path / "cases.xml"
    target.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    code, out_text, err = run_cli(["validate", str(target)], capsys)
    assert code == 0, out_text + err


def test_every_document_of_a_corpus_is_processed() -> None:
    """A teiCorpus with two TEI documents: brackets in both texts, none in the headers."""
    one = SKELETON.format(encoding="", body="<p>a [illegible] b</p>").replace(' xml:id="doc"', "")
    two = SKELETON.format(encoding="", body="<p>c [or] d</p>").replace(' xml:id="doc"', "")
    corpus = (
        f'<teiCorpus xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>C [x]</title></titleStmt>'
        f"<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
        f"</teiHeader>{one}{two}</teiCorpus>"
    )
    doc = TeiDocument(tree=etree.ElementTree(etree.fromstring(corpus)), name="corpus")
    ctx = _run(doc)
    assert [r["kind"] for r in ctx.records["brackets"]] == ["gap", "supplied"]
    assert xpath(doc.root, "tei:teiHeader//tei:title")[0].text == "C [x]"

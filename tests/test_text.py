"""The character policy (teiedit.text): any text becomes XML-safe; page ends become pb; nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from teiedit.cli import main
from teiedit.config import default_settings
from teiedit.document import TEI_NS
from teiedit.io import decode_source
from teiedit.odd.grammar import load_grammar
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import Source
from teiedit.serialize import serialize_tei
from teiedit.text import (
    NO_PAGE_BREAK,
    PAGE_BREAK,
    REPLACEMENT,
    is_xml_safe,
    page_breaks_to_pb,
    restore,
    xml_safe,
)

REPO = Path(__file__).resolve().parent.parent
RNG = REPO / "schema" / "build" / "teiedit.rng"
T = f"{{{TEI_NS}}}"
FF, PB, R = "\f", PAGE_BREAK, REPLACEMENT


@pytest.mark.parametrize(
    ("given", "text", "codes"),
    [
        ("plain text\n", "plain text\n", []),
        (f"one{FF}two", f"one{PB}two", []),
        ("line\vbreak", "line\nbreak", []),
        ("a\x1bb\x07c", f"a{R}b{R}c", [0x1B, 0x07]),
        ("\uffff\ufffe", f"{R}{R}", [0xFFFF, 0xFFFE]),
        ("lone \ud800 surrogate", f"lone {R} surrogate", [0xD800]),
        (f"the marker {PB} itself", f"the marker {R} itself", [ord(PB)]),
        (
            f"page one\n{FF}page two\n{FF}",
            f"page one\n{PB}page two\n",
            [],
        ),  # last page's end dropped
        ("tab\tand\nnewline\r", "tab\tand\nnewline\r", []),
    ],
)
def test_policy(given: str, text: str, codes: list[int]) -> None:
    safe = xml_safe(given)
    assert safe.text == text
    assert [r.code_point for r in safe.replaced] == codes
    assert is_xml_safe(safe.text)


def test_positions_count_vertical_tabs_as_line_breaks() -> None:
    safe = xml_safe("first\nsecond\vthird \x1b\nfourth\x07")
    assert [(r.line, r.column, r.offset) for r in safe.replaced] == [(3, 7, 19), (4, 7, 27)]
    assert [safe.text[r.offset] for r in safe.replaced] == [R, R]


def test_restore_gives_back_every_replaced_character() -> None:
    given = "".join(chr(c) + "x" for c in [*range(32), 0xFFFE, 0xFFFF, 0xD800, 0xDFFF])
    safe = xml_safe(given)
    assert (
        len(safe.replaced) == 32 + 4 - 5
    )  # tab, line feed, carriage return, form feed, vertical tab
    back = restore(safe.text, safe.replaced)
    assert back == given.replace("\f", PB).replace("\v", "\n")


def test_every_control_character_converts() -> None:
    seen = 0
    for code in [*range(32), 0x7F, 0xFFFE, 0xFFFF, 0xD800]:
        source = Source(
            text=f"Letter from A to B\n\nDear B,\n\nsome{chr(code)}text here.\n",
            name="c",
            filename="c.txt",
            sha256="0" * 64,
        )
        conversion, diags, _ = convert_text(source, default_settings(), ConvertOptions())
        assert not [d for d in diags if d.level.value == "fatal"]
        for doc in conversion.documents:
            etree.fromstring(serialize_tei(doc.tree))
        seen += 1
    assert seen == 36


def test_decoding_applies_the_policy_and_says_so() -> None:
    decoded = decode_source(b"page one text\n\x0cpage two \x1b text\n\x0c")
    assert decoded.text == f"page one text\n{PB}page two {R} text\n"
    assert [(r.line, r.column, r.code_point) for r in decoded.replaced] == [(2, 11, 0x1B)]
    assert "1 form feed (page end) read as a page break (pb)" in decoded.decision
    assert "the form feed after the last page dropped" in decoded.decision


def test_a_pdftotext_source_gets_page_breaks_and_stays_valid() -> None:
    pages = [
        "Memorandum of Conversation with Kim Il Sung\n\n22 October 1956\n\nThe first page of the "
        "record goes on and on.\n",
        "the second page continues the same paragraph and ends it.\n\nA new paragraph.\n",
        "Third page.\n",
    ]
    text = FF.join(pages) + FF
    source = Source(text=text, name="m", filename="m.txt", sha256="0" * 64)
    conversion, diags, _ = convert_text(source, default_settings(), ConvertOptions())
    assert not [d for d in diags if d.level.value == "fatal"]
    (doc,) = conversion.documents
    tree = etree.fromstring(serialize_tei(doc.tree))
    assert len(tree.findall(f".//{T}text//{T}pb")) == 2
    assert not tree.findall(f".//{T}teiHeader//{T}pb")
    assert PAGE_BREAK not in etree.tostring(tree, encoding="unicode")
    grammar = etree.RelaxNG(etree.parse(str(RNG)))
    assert grammar.validate(tree), grammar.error_log.last_error


def test_page_break_where_tei_allows_none_is_reported() -> None:
    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>a{PB}b</title></titleStmt>'
        f'</fileDesc></teiHeader><text><body><p n="1{PB}">x{PB}y<hi>z</hi>{PB}w</p>'
        f"<figure><figDesc>c{PB}d</figDesc></figure></body></text></TEI>"
    )
    done = page_breaks_to_pb(root)
    assert done.marked == 2
    assert done.unmarked == {"teiHeader": 1, "@n": 1, "figDesc": 1}
    p = root.find(f".//{T}p")
    assert [c.tag.split("}")[1] for c in p] == ["pb", "hi", "pb"]
    assert "".join(p.itertext()) == "xyzw"
    assert root.findtext(f".//{T}title") == "ab"
    assert root.findtext(f".//{T}figDesc") == "cd"
    assert done.decisions() and "figDesc" in done.decisions()[0]


def test_no_page_break_list_matches_the_grammar() -> None:
    grammar = load_grammar(RNG)
    refusing = {n for n in grammar.names if "pb" not in (grammar.info(n) or _none()).children}
    assert refusing == NO_PAGE_BREAK


def _none() -> object:
    raise AssertionError("an element without information")


def test_convert_report_lists_replaced_characters(tmp_path: Path) -> None:
    src = tmp_path / "ctl.txt"
    src.write_bytes(b"Some text with an escape \x1b and a bell \x07.\n\x0cNext page.\n")
    report = tmp_path / "report.json"
    code = main(["convert", str(src), "--out", str(tmp_path / "tei"), "--report", str(report)])
    assert code == 0
    entry = json.loads(report.read_text(encoding="utf-8"))["sources"][0]
    assert entry["replaced_characters"] == [
        {"line": 1, "column": 26, "offset": 25, "character": "U+001B", "replaced_by": "U+FFFD"},
        {"line": 1, "column": 39, "offset": 38, "character": "U+0007", "replaced_by": "U+FFFD"},
    ]
    tree = etree.parse(str(tmp_path / "tei" / "ctl.xml"))
    assert len(tree.findall(f".//{T}body//{T}pb")) == 1
    assert "\ufffd" in "".join(tree.getroot().find(f"{T}text").itertext())

"""Facts computed once, in Python (teiedit/facts.py), and handed to the stylesheets, which only look them
up: a document's title, dates, kind and running title, a note's kind and number."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from teiedit.facts import DocumentFacts, document_facts, facts_document, note_facts
from teiedit.io import read_tei
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

CASES = Path(__file__).resolve().parent / "cases"
NS = "http://www.tei-c.org/ns/1.0"


def _doc(header: str = "", body: str = "<div><p>x</p></div>") -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{NS}"><teiHeader><fileDesc>{header}</fileDesc></teiHeader>'
        f"<text><body>{body}</body></text></TEI>"
    )


TITLES = "<titleStmt><title>Sub\u00a0title</title><title type='main'> The  main\ttitle </title></titleStmt>"
LONG = "A memorandum " + "of a very long conversation " * 4


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        # the main title wins over an earlier one; XML white space only is normalised (not NBSP)
        (_doc(TITLES), DocumentFacts("The main title", "", "", "", "document")),
        # else the item's own title, not its series' (a correspondence edition's letter)
        (
            _doc(
                "<titleStmt><title level='s'>Collected Letters</title><title type='iso-date'>1904"
                "</title><title level='a'>A to B, 14 April 1904</title></titleStmt>"
            ),
            DocumentFacts("A to B, 14 April 1904", "", "", "", "document"),
        ),
        (_doc(), DocumentFacts("", "", "", "", "document")),
        # the header's date; the sort date falls back to the heading's full date
        (
            _doc("<sourceDesc><bibl><date notBefore='1956-08'/></bibl></sourceDesc>"),
            DocumentFacts("", "1956-08", "1956-08", "", "document"),
        ),
        (
            _doc(
                body="<div type='memo'><head>Memo, <date when='1957-02-20'>20 Feb</date></head></div>"
            ),
            DocumentFacts("", "", "1957-02-20", "memo", "document"),
        ),
        (
            _doc(body="<div type='essay'><head><date from='1953' to='1964'/></head></div>"),
            DocumentFacts("", "", "", "essay", "document"),
        ),
    ],
)
def test_document_facts(root: etree._Element, expected: DocumentFacts) -> None:
    assert document_facts(root) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Latin letters only</p>", "no"),
        ("<p>\u0710\u0720\u0717\u0710</p>", "yes"),  # Syriac
        ("<p>shalom <foreign>\u05e9\u05dc\u05d5\u05dd</foreign></p>", "yes"),  # Hebrew inside
        ("<p>\ufb50 presentation form</p>", "yes"),  # Arabic presentation form
    ],
)
def test_facts_say_whether_any_text_is_right_to_left(body: str, expected: str) -> None:
    assert facts_document(_doc(body=body)).get("rtl-text") == expected


def test_kind_year_display_and_running_title() -> None:
    root = etree.fromstring(
        f'<TEI xmlns="{NS}"><teiHeader><fileDesc><titleStmt><title>{LONG}</title></titleStmt>'
        "</fileDesc><profileDesc><textClass><keywords><term type='kind'>Letter</term></keywords>"
        "</textClass><correspDesc><correspAction type='sent'><date when='1956-10-22'/>"
        "</correspAction></correspDesc></profileDesc></teiHeader><text><body><div type='x'/>"
        "</body></text></TEI>"
    )
    facts = document_facts(root)
    assert (facts.kind, facts.kind_class, facts.date, facts.year) == (
        "Letter",
        "letter",
        "1956-10-22",
        "1956",
    )
    assert len(facts.running_title) <= 70 and facts.running_title.endswith(" \u2026")
    assert LONG.startswith(facts.running_title[:-2])
    assert DocumentFacts("", "", "", "", "document").display_title == "(untitled)"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (
            "block-before-footnote",
            [
                ("block", ""),
                ("footnote", "1"),
                ("block", ""),
                ("footnote", "2"),
                ("block", ""),
                ("footnote", "3"),
            ],
        ),
        (
            "notes-with-n",
            [
                ("block", ""),
                ("footnote", "12"),
                ("footnote", "2"),
                ("footnote", "a"),
                ("footnote", "14"),
                ("endnote", "15"),
            ],
        ),
    ],
)
def test_note_kinds_and_labels(case: str, expected: list[tuple[str, str]]) -> None:
    notes = note_facts(read_tei(CASES / "notes" / f"{case}.xml").root)
    assert [
        (n.kind, n.label if n.kind in ("footnote", "endnote") else "") for n in notes
    ] == expected


def test_the_stylesheets_render_the_facts_they_are_given() -> None:
    """Nothing is derived in XSLT: facts that say otherwise than the TEI are what the page shows."""
    doc = read_tei(CASES / "notes" / "block-before-footnote.xml")
    facts = facts_document(doc.root)
    facts.find("{urn:teiedit}doc").set("title", "A title from the facts")
    for note in facts.iterfind("{urn:teiedit}note[@kind='footnote']"):
        note.set("label", "*" + note.get("label", ""))
    page = html.fromstring(
        transform(xslt_dir() / "html" / "document.xsl", doc.root, facts=facts).output
    )
    assert page.xpath("string(//h1)") == "A title from the facts"
    assert [a.text_content() for a in page.xpath("//a[@role='doc-noteref']")] == ["*1", "*2", "*3"]

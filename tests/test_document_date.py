"""The document-date pass: a document whose date is only in its text gets profileDesc/creation/date."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_settings
from teiedit.document import TEI_NS, TeiDocument
from teiedit.transforms import PassContext, run_passes

NS = {"tei": TEI_NS}


def _doc(header_extra: str, body: str) -> TeiDocument:
    xml = f"""<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
      <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
      <profileDesc>{header_extra}</profileDesc></teiHeader><text><body>{body}</body></text></TEI>"""
    return TeiDocument(tree=etree.ElementTree(etree.fromstring(xml)), name="d")


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        (
            "",
            '<div><head>Memorandum of Conversation, <date when="1956-03-12">12 March 1956</date></head><p>x</p></div>',
            ("1956-03-12", "12 March 1956"),
        ),
        (
            "",
            '<div><opener><dateline>Moscow, <date when="1956-10-22">22 Oct.</date></dateline></opener>'
            '<head>On <date when="1950">1950</date></head><p>x</p></div>',
            ("1956-10-22", "22 Oct."),
        ),
        (
            "",
            '<div><head>Undated note</head><p>In <date when="1950">1950</date> it rained.</p></div>',
            None,
        ),
        (
            '<correspDesc><correspAction type="sent"><date when="1956-01-01"/></correspAction></correspDesc>',
            '<div><head>Letter, <date when="1956-03-12">12 March 1956</date></head><p>x</p></div>',
            None,
        ),
    ],
)
def test_document_date(
    header: str, body: str, expected: tuple[str, str] | None, tmp_path: Path
) -> None:
    doc = _doc(header, body)
    diags = run_passes(
        doc, PassContext(settings=default_settings(tmp_path)), only=["document-date"]
    )
    assert diags == []
    found = doc.root.xpath("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", namespaces=NS)
    if expected is None:
        assert found == []
    else:
        assert [(d.get("when"), d.text, d.get("resp")) for d in found] == [(*expected, "#teiedit")]


def test_a_period_in_a_heading_is_not_the_document_date(tmp_path: Path) -> None:
    doc = _doc(
        "",
        '<div><head>The Khrushchev era, <date from="1953" to="1964">1953-1964</date></head><p>x</p></div>',
    )
    run_passes(doc, PassContext(settings=default_settings(tmp_path)), only=["document-date"])
    assert doc.root.xpath("//tei:creation", namespaces=NS) == []

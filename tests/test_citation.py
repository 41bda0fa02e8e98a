"""Citations for reference managers and the plain text beside each page (builders/citation.py), and
the PDFs put into the site (builders/publish.py)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from teiedit.builders.citation import bibtex, csl_json, page_url, plain_text, ris
from teiedit.builders.publish import publish_pdfs
from teiedit.config import Editor, default_settings
from teiedit.io import read_tei
from teiedit.summary import Party, Summary

CASES = Path(__file__).resolve().parent / "cases" / "html"

SUMMARY = Summary(
    page="letter-a",
    title="Letter from Anna Berg to Carl Dorn {draft}",
    date="1956-10-12",
    sort_date="1956-10-12",
    kind="letter",
    kind_class="letter",
    source="City Archive, Box 3",
    senders=(Party("p-berg", "Berg, Anna"),),
    addressees=(Party("p-dorn", "Carl Dorn"),),
)


def _settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        default_settings(tmp_path),
        title="Test Edition",
        publisher="Test Press",
        base_url="https://example.org/test",
        editors=(Editor("ed", "Test Editor"),),
    )


def test_the_permalink_keeps_the_file_name(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert page_url(settings, "letter-a") == "https://example.org/test/letter-a.html"
    assert page_url(dataclasses.replace(settings, base_url=""), "letter-a") == ""


def test_csl_json(tmp_path: Path) -> None:
    (item,) = json.loads(csl_json(SUMMARY, _settings(tmp_path)))
    assert item["type"] == "personal_communication"
    assert item["author"] == [{"family": "Berg", "given": "Anna"}]
    assert item["recipient"] == [{"literal": "Carl Dorn"}]
    assert item["editor"] == [{"literal": "Test Editor"}]
    assert item["issued"] == {"date-parts": [[1956, 10, 12]]}
    assert item["URL"] == "https://example.org/test/letter-a.html"
    assert item["container-title"] == "Test Edition"


def test_bibtex_escapes_and_ris_lines(tmp_path: Path) -> None:
    bib = bibtex(SUMMARY, _settings(tmp_path))
    assert bib.startswith("@misc{letter-a,\n")
    assert "title = {Letter from Anna Berg to Carl Dorn \\{draft\\}}" in bib
    assert (
        "author = {{Berg, Anna}}" in bib and "url = {https://example.org/test/letter-a.html}" in bib
    )
    lines = ris(SUMMARY, _settings(tmp_path)).split("\r\n")
    assert lines[0] == "TY  - PCOMM" and "AU  - Berg, Anna" in lines and "DA  - 1956/10/12" in lines
    assert lines[-2:] == ["ER  -", ""]


def test_plain_text_is_the_corrected_reading_with_notes(tmp_path: Path) -> None:
    root = read_tei(CASES / "letter-a.xml").root
    text = plain_text(root, SUMMARY, _settings(tmp_path))
    assert text.startswith("Letter from Anna Berg to Carl Dorn {draft}\n1956-10-12\n")
    assert "The harvest was poor this year" in text and "poer" not in text
    assert "[Note] Of cabbages, mostly." in text
    assert "never came. A new line" in text  # a line break is a space


def test_pdfs_are_put_into_the_site_and_follow_the_print_edition(tmp_path: Path) -> None:
    pdf, site = tmp_path / "pdf", tmp_path / "html"
    pdf.mkdir()
    (pdf / "a.pdf").write_bytes(b"%PDF-a")
    (pdf / "edition.pdf").write_bytes(b"%PDF-edition")
    assert {p.name for p in publish_pdfs(pdf, site)} == {"a.pdf", "edition.pdf"}
    assert (site / "pdf" / "a.pdf").read_bytes() == b"%PDF-a"
    assert os.path.samefile(site / "pdf" / "a.pdf", pdf / "a.pdf")  # a hard link, no copy
    assert publish_pdfs(pdf, site) == []  # nothing changed
    (pdf / "a.pdf").unlink()
    (pdf / "a.pdf").write_bytes(b"%PDF-a2")
    (pdf / "edition.pdf").unlink()
    assert [p.name for p in publish_pdfs(pdf, site)] == ["a.pdf"]
    assert (site / "pdf" / "a.pdf").read_bytes() == b"%PDF-a2"
    assert not (site / "pdf" / "edition.pdf").exists()


# -- the plain text's blocks: one walk (the corrected reading) gives the blocks two walks gave ----------

_READING_CASES = {
    # no readings: both readings are one walk already
    "plain": "<p>One <hi>two</hi>.</p><p>Three</p>",
    "corrected": '<p>Teh <choice><sic>teh</sic><corr resp="#teiedit">the</corr></choice> end</p>',
    # the corrected reading is empty, the source's is not: still a block (an empty line)
    "empty corrected": "<p><choice><sic>debris</sic><corr/></choice></p><p>after</p>",
    # a note inside the source's reading: only the walk of the original reading finds it
    "note in sic": "<p>a<choice><sic>b<note>in the error</note></sic><corr>c</corr></choice></p>",
    "teiedit note": '<p>x<note resp="#teiedit">added</note>y</p><p><note resp="#teiedit"/></p>',
    "corr alone": "<p><corr>only corrected</corr></p><p><sic>only the source</sic></p>",
}


def _blocks_doc(body: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
        + body
        + "</body></text></TEI>"
    )


def test_reading_blocks_are_the_blocks_of_both_walks() -> None:
    from teiedit.builders.search_records import NOTE, TEXT, document_blocks, reading_blocks

    def texts(blocks):  # type: ignore[no-untyped-def]
        return [(b.field, b.text) for b in blocks if b.field in (TEXT, NOTE)]

    seen = {}
    for name, body in _READING_CASES.items():
        root = _blocks_doc(body)
        expected = texts(document_blocks(root, SUMMARY))
        assert texts(reading_blocks(root, SUMMARY)) == expected, name
        seen[name] = expected
    assert len(seen) == len(_READING_CASES)
    # what the cases hold (so that the comparison is not between two empty lists)
    assert seen["corrected"] == [(TEXT, "Teh the end")]
    assert seen["empty corrected"] == [(TEXT, ""), (TEXT, "after")]
    assert seen["note in sic"] == [(TEXT, "ac"), (NOTE, "")]
    assert seen["corr alone"] == [(TEXT, "only corrected"), (TEXT, "only the source")]

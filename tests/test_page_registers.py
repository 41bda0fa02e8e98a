"""A document page's register entries come to the stylesheet as one Saxon document per process
(builders/html_pages.py: register_document) instead of copies in each page's input: the pages are the
same, byte for byte, and the entries are looked up in it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from lxml import etree, html

from teiedit.builders.html import render_page
from teiedit.builders.html_pages import register_document, register_key
from teiedit.config import default_settings
from teiedit.edition import Edition
from teiedit.facts import facts_document

CASES = Path(__file__).resolve().parent / "cases" / "html"
TEI = "http://www.tei-c.org/ns/1.0"


def _edition(tmp_path: Path) -> Edition:
    settings = dataclasses.replace(default_settings(tmp_path), registers=CASES / "registers")
    return Edition.from_files(settings, sorted(CASES.glob("*.xml")))


def test_pages_are_the_same_with_the_registers_given_apart(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    registers = edition.registers
    shared = register_document(register_key(registers), registers)
    linked = 0
    for ed in edition.documents():
        bundled = render_page(ed, edition.settings, registers=registers)
        apart = render_page(ed, edition.settings, registers=registers, register_doc=shared)
        assert apart == bundled, ed.page
        # the entries were found: names link to their entity pages, with the entry's name in the title
        for a in html.fromstring(apart).xpath("//a[contains(@class, 'entity')][@data-entity]"):
            entry = registers.entries[a.get("data-entity")]
            assert a.get("href").endswith(f"entities/{entry.id}.html")
            assert a.get("title", "").split(":")[0].strip()
            linked += 1
    assert linked >= 5
    # one document per process: asked again, the same one
    assert register_document(register_key(registers)) is shared


def test_a_name_pointing_nowhere_stays_a_span(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    letter = next(ed for ed in edition.documents() if ed.page == "letter-a")
    shared = register_document(register_key(edition.registers), edition.registers)
    page = html.fromstring(
        render_page(letter, edition.settings, registers=edition.registers, register_doc=shared)
    )
    # '#nobody' names no entry: a plain span, no link
    names = page.xpath("//*[contains(concat(' ', @class, ' '), ' entity ')]")
    nobody = [el for el in names if el.text_content() == "Mr Nobody"]
    assert len(nobody) == 1 and nobody[0].tag == "span" and nobody[0].get("data-entity") is None
    assert any(el.get("data-entity") for el in names)  # (the others link)


def test_right_to_left_text_of_entries_given_apart_counts() -> None:
    doc = etree.fromstring(f'<TEI xmlns="{TEI}"><text><body><p>Latin only</p></body></text></TEI>')
    entry = etree.fromstring(f'<person xmlns="{TEI}" xml:id="p1"><persName>דוד</persName></person>')
    assert facts_document(doc).get("rtl-text") == "no"
    assert facts_document(doc, also=[entry]).get("rtl-text") == "yes"

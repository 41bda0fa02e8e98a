"""The edition's own registers and the entity/date passes on its real sources (with every other pass)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import load_settings
from teiedit.document import NSMAP, TeiDocument, xpath
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.registers import load_registers

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def letter() -> TeiDocument:
    edition = load_settings(REPO)
    source = source_from_file(REPO / "sources" / "letter-ri-sang-jo-to-kim-il-sung-1956-10-22.txt")
    conversion, diags, _ = convert_text(source, edition, ConvertOptions())
    assert not [
        d for d in diags if d.level.value == "fatal"
    ]  # strict: the original reading is unchanged
    return conversion.documents[0]


def refs(doc: TeiDocument, xp: str) -> list[tuple[str, str]]:
    return [
        (" ".join("".join(e.itertext()).split()), e.get("ref", "")) for e in xpath(doc.root, xp)
    ]


def test_registers_have_unique_ids_preferred_names_and_descriptions() -> None:
    regs = load_registers(load_settings(REPO))
    regs.check_unique()
    kinds = {e.name_tag for e in regs.entries.values()}
    assert kinds == {"persName", "placeName", "orgName"}
    assert len(regs.entries) > 200
    for entry in regs.entries.values():
        assert [v.type for v in entry.variants].count("preferred") == 1, entry.id
        assert entry.description, entry.id
    # the romanisations the issue names all lead to one entry each
    forms = {v.text: e.id for e in regs.entries.values() for v in e.variants}
    assert {
        forms[f] for f in ("Ri Sang-jo", "Li Sangjo", "Yi Sang-cho", "Yi Sang-jo", "Li San-cho")
    } == {"ri-sang-jo"}
    assert {forms[f] for f in ("Kim Il Sung", "Kim Il-sung", "Kim Il Song")} == {"kim-il-sung"}
    assert {forms[f] for f in ("Pak Geum-cheol", "Pak Kum Chol", "Bak Geumcheol")} == {
        "pak-kum-chol"
    }
    assert {forms[f] for f in ("Choe Chang-ik", "Choe Changik")} == {"choe-chang-ik"}
    assert {forms[f] for f in ("Pyongyang", "Pyeongyang")} == {"pyongyang"}


def test_letter_names_across_the_brackets_pass(letter: TeiDocument) -> None:
    body = "//tei:text//"
    so_hwi = xpath(letter.root, body + "tei:persName[@ref='#so-hwi']")
    assert len(so_hwi) == 3
    assert all(etree.QName(e[0]).localname == "supplied" and e.text == "S" for e in so_hwi)
    assert ("Ko Bon Gi", "#ko-bong-gi") in refs(letter, body + "tei:persName")
    assert refs(letter, body + "*[starts-with(normalize-space(.), 'to Cde.')]/tei:persName") == [
        ("KIM IL SUNG", "#kim-il-sung")
    ]
    assert refs(
        letter, body + "tei:persName[contains(., 'Voroshilov') or contains(., 'Khrushchev')]"
    ) == [("K. E. Voroshilov", "#voroshilov"), ("N. S. Khrushchev", "#khrushchev")]


def test_letter_has_no_adjectives_or_titles_marked(letter: TeiDocument) -> None:
    marked = [t for t, _ in refs(letter, "//tei:text//*[@resp='#teiedit'][@ref]")]
    assert not [
        t for t in marked if t.startswith(("Cde", "Soviet", "Chinese", "Japanese")) or t == "Korean"
    ]
    assert not [t for t in marked if t.endswith(("'s", "’s"))]


def test_letter_dates_and_correspondents(letter: TeiDocument) -> None:
    dates = [(d.text, d.get("when")) for d in xpath(letter.root, "//tei:text//tei:date")]
    assert ("22 October 1956", "1956-10-22") in dates
    sent = letter.root.xpath(
        "//tei:correspAction[@type='sent']/tei:persName/@ref", namespaces=NSMAP
    )
    assert sent == ["#ri-sang-jo"]

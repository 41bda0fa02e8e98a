"""An article's works cited (``readers/cascade/bibliography.py``): the entries under "References" /
"Literaturverzeichnis" / "Bibliographie" become ``listBibl/bibl`` in a bibliography division, the
notes' heading heads the notes, a DOI or citing line after the list stays an unpaired note there, and
the source still reads back whole and in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_roundtrip_sources import check_round_trip

from teiedit.config import default_settings
from teiedit.readers.base import Source
from teiedit.readers.cascade.post_rules import journal_line
from teiedit.readers.cascade.reader import CascadeReader

NS = {"t": "http://www.tei-c.org/ns/1.0"}

ARTICLE_EN = """Journal of Maritime History, Vol. 12, No. 3 (2019), pp. 45-67

The Salt Trade of the Northern Coast, 1820-1860

By Margaret Ellison

Introduction

The salt trade has long been treated as a footnote to the grain trade.[1] Yet the ledgers of the small
ports tell another story, and in 1834 the customs house recorded four hundred cargoes.[2]

Notes

1. See R. Hall, Coastal Trade in Britain (London, 1972), 12.
2. Customs ledger, Whitby, 1834, fol. 22.

References

Brown, J. (1990). Free Trade and Its Critics. Oxford: Clarendon Press.
Hall, R. (1972). Coastal Trade in Britain. London: Methuen.

DOI: 10.1234/jmh.2019.0045
"""

ARTICLE_DE = """Zeitschrift für Landesgeschichte 45 (2015), S. 201-230

Die Mühlen am Oberrhein im späten Mittelalter

Von Hans-Peter Krüger
Universität Freiburg

Zusammenfassung

Der Beitrag untersucht die Mühlen am Oberrhein zwischen 1350 und 1500. Er zeigt, dass die Klöster den Mühlenbau lenkten.

Schlagwörter: Mühlen, Oberrhein, Klöster, Spätmittelalter

Einleitung

Die Mühlen des Oberrheins sind bisher kaum erforscht.[1] Die Urkunden der Klöster geben jedoch reichen Aufschluss.[2]

Die Klöster als Bauherren

Im Jahr 1412 ließ das Kloster Tennenbach eine neue Mühle errichten.[3]

Anmerkungen

[1] Vgl. Meier, Mühlen, S. 14.
[2] GLA Karlsruhe 24/1122.
[3] Ebd., 24/1130.

Literaturverzeichnis

Meier, Otto: Mühlen in Südwestdeutschland, Stuttgart 1988.
Vogt, Eva: Klosterwirtschaft am Oberrhein, Freiburg 2004.
"""


@pytest.mark.parametrize(
    ("text", "calls", "notes_head", "list_head", "entries", "after"),
    [
        (
            ARTICLE_EN,
            2,
            "Notes",
            "References",
            ["Brown, J. (1990)", "Hall, R. (1972)"],
            ["DOI: 10.1234"],
        ),
        (ARTICLE_DE, 3, "Anmerkungen", "Literaturverzeichnis", ["Meier, Otto", "Vogt, Eva"], []),
    ],
)
def test_works_cited_become_a_list_of_bibl(
    text: str,
    calls: int,
    notes_head: str,
    list_head: str,
    entries: list[str],
    after: list[str],
    tmp_path: Path,
) -> None:
    source = Source(text=text, name="art", filename="art.txt", sha256="")
    conv = CascadeReader().read(source, default_settings(tmp_path))
    assert len(conv.documents) == 1
    root = conv.documents[0].root

    def texts(path: str) -> list[str]:
        return [" ".join("".join(e.itertext()).split()) for e in root.xpath(path, namespaces=NS)]

    assert texts("//t:back/t:div[@type='notes']/t:head") == [notes_head]
    assert len(root.xpath("//t:body//t:note[@place='foot']", namespaces=NS)) == calls
    assert texts("//t:back/t:div[@type='bibliography']/t:head") == [list_head]
    bibls = texts("//t:back/t:div[@type='bibliography']/t:listBibl/t:bibl")
    assert [b[: len(e)] for b, e in zip(bibls, entries, strict=True)] == entries
    trailing = texts("//t:div[@type='bibliography']/t:note[@type='orphan']")
    assert [t[: len(a)] for t, a in zip(trailing, after, strict=True)] == after
    body = " ".join(texts("//t:text/t:body"))
    assert notes_head not in body and list_head not in body
    check_round_trip(text, conv)
    assert not root.xpath("//t:div[not(node())]", namespaces=NS)  # no division left empty


def test_a_notes_list_without_a_references_heading_is_left_as_it_was(tmp_path: Path) -> None:
    text = ARTICLE_EN.split("References")[0] + "Brown, J. (1990). Free Trade and Its Critics.\n"
    source = Source(text=text, name="art", filename="art.txt", sha256="")
    root = CascadeReader().read(source, default_settings(tmp_path)).documents[0].root
    assert not root.xpath("//t:listBibl", namespaces=NS)
    assert "Free Trade and Its Critics." in "".join(
        root.xpath("//t:text", namespaces=NS)[0].itertext()
    )


def test_a_journal_citation_line_over_the_title_is_the_source_and_its_date(tmp_path: Path) -> None:
    source = Source(text=ARTICLE_DE, name="art", filename="art.txt", sha256="")
    root = CascadeReader().read(source, default_settings(tmp_path)).documents[0].root
    bibl = root.xpath("//t:sourceDesc/t:bibl[@type='source']", namespaces=NS)
    assert len(bibl) == 1
    assert "".join(bibl[0].itertext()).startswith(
        "Zeitschrift für Landesgeschichte 45 (2015), S. 201-230"
    )
    assert not root.xpath("//t:sourceDesc/t:msDesc", namespaces=NS)  # a journal is no archive
    assert root.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=NS) == "2015"
    title = root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS)
    assert title == "Die Mühlen am Oberrhein im späten Mittelalter"


@pytest.mark.parametrize(
    ("line", "journal"),
    [
        ("Zeitschrift für Landesgeschichte 45 (2015), S. 201-230", True),
        ("Revue d'histoire urbaine, n° 38, 2018, p. 77-98", True),
        ("Journal of Maritime History, Vol. 12, No. 3 (2019), pp. 45-67", True),
        ("Russian State Archive of Contemporary History, fond 5, opis 30, delo 163, 1956", False),
        ("A review of the year 1956", False),
    ],
)
def test_journal_line(line: str, journal: bool) -> None:
    assert journal_line(line) is journal

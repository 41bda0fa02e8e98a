"""A web post's own lines and a journal page's front matter (``readers/cascade/post_rules.py``): the
post's "Posted on <date> by <name>" line in English, German and French gives its date and author, its
comment section, share, tags and related-posts panels are set aside (none of the post's text with them),
and a journal page's byline naming several authors and their affiliation line are read as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_roundtrip_sources import check_round_trip

from teiedit.config import default_settings
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.post_rules import apply, posted_line, split_names
from teiedit.readers.cascade.reader import CascadeReader
from teiedit.readers.cascade.segment_type import Segment

NS = {"t": "http://www.tei-c.org/ns/1.0"}

POST_EN = """Home | About | Archive | Contact

Finding My Great-Grandmother in the Census

Posted on March 4, 2021 by Sarah Jones

For years I believed my great-grandmother had been born in Cork. The census of 1911 told a different story.

I found her by searching for her brother, who had kept the family name in the parish.

Categories: Genealogy, Census
Tags: census, Ireland, Liverpool

Share this:
Twitter
Facebook

Related Posts
How to Read a Parish Register

12 comments

John Smith says:
March 5, 2021 at 9:14 am
Great post, I had the same problem with my grandfather.

Leave a Reply
Your email address will not be published.
"""

POST_DE = """Startseite Über uns Blog Kontakt

Ein Spaziergang durch das alte Hafenviertel

Veröffentlicht am 12. Mai 2019 von Katrin Vogel

Das Hafenviertel hat sich in den letzten Jahren stark verändert. Viele alte Speicher wurden umgebaut.
Im Jahr 1888 wurde der Zollkanal gebaut, der das Viertel bis heute prägt.

Kategorien: Stadtgeschichte, Hamburg

Teilen mit:
Facebook
WhatsApp

3 Kommentare

Peter sagt:
13. Mai 2019 um 10:02 Uhr
Schöner Beitrag, danke!

Schreibe einen Kommentar
"""

POST_FR = """Accueil | Le blog | À propos

La restauration de la chapelle Saint-Jean

Publié le 8 septembre 2020 par Marc Lefèvre

La chapelle Saint-Jean, construite en 1520, a été restaurée cette année. Les travaux ont révélé des peintures.

Les restaurateurs ont travaillé pendant six mois sur les voûtes de la nef.

Partager :
Facebook
E-mail

2 commentaires

Sophie dit :
9 septembre 2020 à 14 h 05 min
Magnifique travail !

Laisser un commentaire
"""

ARTICLE_FR = """Revue d'histoire urbaine, n° 38, 2018, p. 77-98

Les fontaines publiques de Lyon au XVIIIe siècle

Par Claire Dubois et Jean Martin
Université Lumière Lyon 2

Résumé

Cet article étudie les fontaines publiques de Lyon entre 1700 et 1789. Il montre le rôle des échevins.

Introduction

L'eau est au coeur de la vie urbaine et les archives municipales conservent de nombreux devis.
"""


def _convert(text: str, tmp_path: Path) -> tuple[etree._Element, Conversion]:
    source = Source(text=text, name="post", filename="post.txt", sha256="")
    conv = CascadeReader().read(source, default_settings(tmp_path))
    assert len(conv.documents) == 1
    return conv.documents[0].root, conv


def _one(root: etree._Element, path: str) -> str:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, (path, found)
    return " ".join("".join(found[0].itertext()).split())


def _body(root: etree._Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in root.xpath("//t:text/t:body", namespaces=NS))


@pytest.mark.parametrize(
    ("text", "author", "when", "first", "last", "furniture"),
    [
        (
            POST_EN,
            "Sarah Jones",
            "2021-03-04",
            "For years I believed",
            "kept the family name",
            [
                "12 comments",
                "John Smith says:",
                "Great post",
                "Share this:",
                "How to Read a Parish",
                "Tags: census",
            ],
        ),
        (
            POST_DE,
            "Katrin Vogel",
            "2019-05-12",
            "Das Hafenviertel hat sich",
            "bis heute prägt",
            [
                "3 Kommentare",
                "Peter sagt:",
                "Schöner Beitrag",
                "Teilen mit:",
                "WhatsApp",
                "Kategorien: Stadtgeschichte",
            ],
        ),
        (
            POST_FR,
            "Marc Lefèvre",
            "2020-09-08",
            "La chapelle Saint-Jean",
            "les voûtes de la nef",
            ["2 commentaires", "Sophie dit :", "Magnifique travail", "Partager :", "E-mail"],
        ),
    ],
)
def test_a_post_line_gives_date_and_author_and_its_furniture_is_set_aside(
    text: str, author: str, when: str, first: str, last: str, furniture: list[str], tmp_path: Path
) -> None:
    root, conv = _convert(text, tmp_path)
    assert _one(root, "//t:titleStmt/t:author") == author
    assert root.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=NS) == when
    assert root.xpath("string(//t:textClass//t:term[@type='kind'])", namespaces=NS) == "blog"
    paragraphs = root.xpath("//t:text/t:body//t:p", namespaces=NS)
    assert len(paragraphs) >= 2
    assert "".join(paragraphs[0].itertext()).startswith(first)
    assert last in "".join(paragraphs[-1].itertext())
    body = _body(root)
    aside = " ".join(s.text for s in conv.set_aside)
    assert furniture
    for line in furniture:
        assert line not in body, line
        assert line in aside, line
    assert first not in aside and last not in aside


def test_an_articles_section_called_comments_stays_text(tmp_path: Path) -> None:
    text = """The Letters of the Harbour Masters

By Anne Lowe

The harbour masters wrote to the board every week, and their letters survive in three volumes.

Comments

The board answered rarely, and its answers were short and written by the clerk of the board.
"""
    root, conv = _convert(text, tmp_path)
    assert "written by the clerk" in _body(root)
    assert not any("clerk" in s.text for s in conv.set_aside)


def test_a_sentence_opening_with_by_is_no_byline(tmp_path: Path) -> None:
    text = """The Politburo in August

By this time, the Politburo had begun meeting almost daily.

The session recorded here was held on the twenty-seventh, and its minutes run to eleven pages.
"""
    root, _ = _convert(text, tmp_path)
    assert not root.xpath("//t:titleStmt/t:author", namespaces=NS)
    assert "By this time" in _body(root)


def test_a_byline_naming_two_authors_and_their_affiliation(tmp_path: Path) -> None:
    root, _ = _convert(ARTICLE_FR, tmp_path)
    authors = root.xpath("//t:titleStmt/t:author", namespaces=NS)
    assert ["".join(a.itertext()) for a in authors] == ["Claire Dubois", "Jean Martin"]
    assert "Université" not in _body(root)
    assert _one(root, "//t:titleStmt/t:title[@type='main']").startswith("Les fontaines publiques")


@pytest.mark.parametrize(
    ("second_line", "authors", "title_end"),
    [("Thomas Weber and Anna Schulz", ["Thomas Weber", "Anna Schulz"], "1871-1914")],
)
def test_names_under_a_title_without_a_blank_line(
    second_line: str, authors: list[str], title_end: str, tmp_path: Path
) -> None:
    first = (
        "Letters between"
        if not authors
        else "Village Schools and Literacy in Rural Bavaria, 1871-1914"
    )
    text = f"""RESEARCH ARTICLE

{first}
{second_line}
Published: 14 June 2017

Summary
Using school inspection reports, we reconstruct literacy rates in forty villages of the district.

Historians have debated the causes of rising literacy for decades, and the reports offer a new source.
"""
    root, conv = _convert(text, tmp_path)
    found = root.xpath("//t:titleStmt/t:author", namespaces=NS)
    assert ["".join(a.itertext()) for a in found] == authors
    assert _one(root, "//t:titleStmt/t:title[@type='main']").endswith(title_end)
    check_round_trip(text, conv)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Village Schools in Bavaria\nThomas Weber and Anna Schulz", ["title", "byline"]),
        ("Letters between\nKarl Marx and Friedrich Engels", ["title"]),  # the names are the title's
        ("Village Schools in Bavaria\nThomas Weber", ["title"]),  # one name: perhaps a subtitle
    ],
)
def test_a_title_block_is_cut_above_its_names(text: str, labels: list[str]) -> None:
    seg = Segment(0, len(text), text, 1, 2, True, True, False, 2, 0, 0, False)
    blocks = [Labelled(seg=seg, label="title", confidence=0.9)]
    apply(blocks)
    assert [b.label for b in blocks] == labels
    assert "".join(b.text for b in blocks).replace("\n", "") == text.replace("\n", "")
    if len(blocks) == 2:
        assert (blocks[1].seg.line, blocks[1].seg.start) == (2, text.index("\n") + 1)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted on March 4, 2021 by Sarah Jones", ("March 4, 2021", "Sarah Jones")),
        ("Veröffentlicht am 12. Mai 2019 von Katrin Vogel", ("12. Mai 2019", "Katrin Vogel")),
        ("Publié le 8 septembre 2020 par Marc Lefèvre", ("8 septembre 2020", "Marc Lefèvre")),
        ("Posted by Sarah Jones on March 4, 2021", ("March 4, 2021", "Sarah Jones")),
        ("Geschrieben von Katrin Vogel am 12. Mai 2019", ("12. Mai 2019", "Katrin Vogel")),
        ("Publié par Marc Lefèvre le 8 septembre 2020", ("8 septembre 2020", "Marc Lefèvre")),
        ("Posted in News", None),
        ("Published online by Cambridge University Press: 25 January 2017", None),
        ("The letter was posted on Monday by the clerk of the harbour board to the minister", None),
    ],
)
def test_posted_line(line: str, expected: tuple[str, str] | None) -> None:
    assert posted_line(line) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Claire Dubois et Jean Martin", ["Claire Dubois", "Jean Martin"]),
        ("Thomas Weber und Anna Schulz", ["Thomas Weber", "Anna Schulz"]),
        ("A. Smith, B. Jones and C. Brown", ["A. Smith", "B. Jones", "C. Brown"]),
        ("Smith and Wesson", ["Smith and Wesson"]),  # one word a side: not two people's names
        ("Margaret Ellison", ["Margaret Ellison"]),
    ],
)
def test_split_names(text: str, names: list[str]) -> None:
    assert split_names(text) == names


def test_a_journal_line_over_a_title_and_a_byline(tmp_path: Path) -> None:
    text = """Journal of Legal History 30 (2009), pp. 11-34

Comments on the Statute of Frauds

By Robert Hale and Susan Pike

Introduction

The Statute of Frauds of 1677 required certain contracts to be in writing.[1] Its history has been told
many times, but its early interpretation has not.

Comments

The commentators of the eighteenth century read the statute narrowly, and the courts followed them.[2]

Notes

[1] 29 Car. II c. 3.
[2] See Blackstone, Commentaries, iii. 159.
"""
    root, conv = _convert(text, tmp_path)
    assert _one(root, "//t:titleStmt/t:title[@type='main']") == "Comments on the Statute of Frauds"
    authors = root.xpath("//t:titleStmt/t:author", namespaces=NS)
    assert ["".join(a.itertext()) for a in authors] == ["Robert Hale", "Susan Pike"]
    assert root.xpath("string(//t:profileDesc/t:creation/t:date/@when)", namespaces=NS) == "2009"
    assert "Journal of Legal History" in _one(root, "//t:sourceDesc/t:bibl[@type='source']")
    assert "read the statute narrowly" in _body(
        root
    )  # a section called "Comments" is the article's
    assert not any("narrowly" in s.text for s in conv.set_aside)

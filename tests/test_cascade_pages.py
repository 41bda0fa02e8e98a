"""Printed pages in unseen layouts: the lines between a title and the text, running heads among
paragraphs, drop caps."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.document import NSMAP, TeiDocument
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade import body_start
from teiedit.readers.cascade.document import _authors
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.pdf_pages import drop_caps, prose_between_text
from teiedit.readers.cascade.segment import segment
from teiedit.repair.dropcap import find_at_start
from teiedit.repair.model import english
from teiedit.repair.record import Spans

RUNNING_HEADS = """The Hungarian Question at the United Nations

The debate on Hungary in the General Assembly opened in November 1956 and did not close until the
following year. Delegations were divided less by ideology than by their relations with the great powers.

JOURNAL OF COLD WAR STUDIES 12

Most of the non-aligned delegations abstained, and their abstentions were read in Moscow as a victory.

13 THE HUNGARIAN QUESTION AT THE UNITED NATIONS

The secretary-general's report, when it came, was cautious and long, and it satisfied nobody at all.
"""

DROP_CAP = """Notes on the Archive of the Trade Mission

W
HEN the trade mission closed in 1962, its files were packed into twelve crates and sent home by sea.
Only nine arrived.

The missing three held the correspondence with the local chamber of commerce.
"""


def converted(text: str, tmp_path: Path) -> tuple[TeiDocument, Conversion]:
    source = Source(text=text, name="doc", filename="doc.txt", sha256="")
    conversion, _, _ = convert_text(source, Settings(root=tmp_path), ConvertOptions())
    assert len(conversion.documents) == 1
    return conversion.documents[0], conversion


def texts(doc: TeiDocument, path: str) -> list[str]:
    return [
        " ".join("".join(el.itertext()).split()) for el in doc.root.xpath(path, namespaces=NSMAP)
    ]


def blocks(*rows: tuple[str, str], sep: str = "\n\n") -> tuple[list[Labelled], str]:
    source = sep.join(r[1] for r in rows)
    segs = segment(source)
    assert len(segs) == len(rows)
    return [
        Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)
    ], source


def test_a_paragraph_between_running_heads_stays_in_the_text(tmp_path: Path) -> None:
    doc, conv = converted(RUNNING_HEADS, tmp_path)
    paragraphs = texts(doc, "//tei:body//tei:p")
    assert [p[:30] for p in paragraphs] == [
        "The debate on Hungary in the G",
        "Most of the non-aligned delega",
        "The secretary-general's report",
    ]
    aside = [a.text.strip() for a in conv.set_aside]
    assert "JOURNAL OF COLD WAR STUDIES 12" in aside
    assert not any(a.startswith("Most of the") for a in aside)


def test_prose_taken_for_furniture_needs_text_on_both_sides() -> None:
    prose = (
        "Most of the delegations abstained, and their abstentions were read in Moscow as a victory."
    )
    between, _ = blocks(
        ("p", "The debate opened in November and did not close until the following year."),
        ("furniture", prose),
        ("p", "The report, when it came, was cautious and long."),
    )
    assert prose_between_text(between)
    assert [b.label for b in between] == ["p", "p", "p"]
    at_end, _ = blocks(
        ("p", "The debate opened in November and did not close until the following year."),
        ("furniture", prose),
    )
    assert prose_between_text(at_end) == []
    assert at_end[1].label == "furniture"


def test_a_drop_cap_joins_its_paragraph_and_is_repaired(tmp_path: Path) -> None:
    doc, _ = converted(DROP_CAP, tmp_path)
    first = doc.root.xpath("//tei:body//tei:p[1]", namespaces=NSMAP)[0]
    corr = first.xpath("tei:choice/tei:corr", namespaces=NSMAP)
    assert [(c.text, c.get("type")) for c in corr] == [("WHEN", "letterspace")]
    assert " ".join(first.xpath("string(tei:choice/tei:sic)", namespaces=NSMAP).split()) == "W HEN"
    assert texts(doc, "//tei:opener") == []


def test_a_single_letter_over_a_paragraph_of_ordinary_case_is_no_drop_cap() -> None:
    rows = [("opener", "B"), ("p", "the second point is about the harvest, which was poor.")]
    source = "B\n\nthe second point is about the harvest, which was poor."
    segs = segment(source)
    bs = [Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)]
    assert drop_caps(bs, source) == []  # a blank line between, and no capitals after it
    assert len(bs) == 2


def test_drop_cap_repair_reads_a_word_not_a_shifted_letter() -> None:
    model = english()
    found = list(find_at_start("T he debate opened in November.", model, Spans([])))
    assert [(r.original, r.reading, r.type) for r in found] == [("T he", "The", "letterspace")]
    assert list(find_at_start("A man came to the door.", model, Spans([]))) == []
    assert list(find_at_start("J g uckf vjcv", model, Spans([]))) == []


def test_short_lines_between_title_and_text_are_no_paragraphs() -> None:
    bs, _ = blocks(
        ("title", "Triangular Security: Why the Missile Crisis Matters"),
        ("p", "Political Psychology, Vol. 12, No. 4, 1991"),
        ("p", "Policy Implications"),
        ("p", "Aaron Belkin and James G. Blight"),
        ("p", "We argue that as the superpowers move closer together, the lessons still hold."),
        ("p", "A Short Line Later"),
    )
    assert len(body_start.apply(bs)) == 3
    assert [b.label for b in bs] == ["title", "pagefw", "heading", "byline", "p", "p"]


def test_short_lines_alone_after_a_title_stay_the_text() -> None:
    bs, _ = blocks(
        ("title", "Telegram"),
        ("p", "Arriving Monday Stop"),
    )
    assert body_start.apply(bs) == []
    assert [b.label for b in bs] == ["title", "p"]


def test_a_page_author_field_is_not_repeated_by_the_bylines_of_its_text() -> None:
    bs, _ = blocks(
        ("title", "Triangular Mutual Security"),
        ("meta", "Author(s): Aaron Belkin and James G. Blight"),
        ("byline", "Policy Implications"),
        ("byline", "Aaron Belkin' and James G. Blight'"),
        ("p", "We argue that as the superpowers move closer together, the lessons still hold."),
    )
    assert _authors(bs, bs) == ["Aaron Belkin and James G. Blight"]
    without_field = [b for b in bs if b.label != "meta"]
    assert _authors(without_field, without_field) == [
        "Policy Implications",
        "Aaron Belkin'",
        "James G. Blight",
    ]


def test_a_joined_drop_cap_and_a_kept_paragraph_convert_losslessly() -> None:
    from fuzz_convert import check_conversion

    check_conversion(DROP_CAP, None)
    check_conversion(RUNNING_HEADS, None)

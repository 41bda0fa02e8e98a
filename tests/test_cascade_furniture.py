"""Furniture that used to stay in a document's text: page stamps run into a scan's text, a blog's
menu lines over a post's date, a text extraction's placeholders, a Markdown page's link lines and empty
quotation lines. Each class has a reader case in ``tests/cases/readers/auto/``; these tests check the
rules alone and that the cases set the furniture aside (none of it lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.config import default_settings
from teiedit.document import slugify
from teiedit.io import decode_source
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.features import date_only
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.reader import CascadeReader
from teiedit.readers.cascade.segment import segment
from teiedit.readers.cascade.title_top import menu_above_date
from teiedit.readers.common.boilerplate import boilerplate_reason, placeholders
from teiedit.readers.common.lines import Block

CASES = Path(__file__).parent / "cases" / "readers" / "auto"
STAMP = "Approved For Release 2009/11/02 : CIA-RDP88-01234R000300450012-7"


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("[blocks in formation]", True),
        ("[merged small][ocr errors]", True),
        ("[ ocr errors ]", True),
        ("[illegible]", False),  # an editor's mark of damage is text
        ("[blocks in formation] and the vote was taken", False),
        (">", True),
        ("> >", True),
        ("> Harbour Library: [Catalogue Page No Longer\n> Here](catalogue/412.htm)", True),
        ("> Try [the New\n> Catalogue](http://catalogue.example.org/index.htm)", True),
        ("[Catalogue by Date](catalogue/date/index.htm)\\", True),
        ("See [the catalogue](index.htm) for the letters of the harbour masters.", False),
        ("## [The Harbour Light](https://blog.example.org/light)", False),  # a post's title
        ("The list was moved. [Harbour Library](index.htm)", False),  # a sentence before it
        (STAMP, True),
        ("Sanitized Copy " + STAMP.replace("For", "for"), True),
    ],
)
def test_furniture_shapes_of_the_classes(text: str, furniture: bool) -> None:
    assert bool(boilerplate_reason(Block(1, text))) is furniture


def test_the_placeholders_are_editable_data() -> None:
    assert {"blocks in formation", "ocr errors"} <= placeholders()
    assert not any(p.startswith("#") for p in placeholders())


def test_a_release_stamp_run_into_the_text_is_cut_out_of_its_segment() -> None:
    text = f"Intro.\n\nThe slip ends here. Sanitized Copy {STAMP} THE FRIENDS OF THE RECORD wrote."
    segs = segment(text)
    assert [s.text for s in segs] == [
        "Intro.",
        "The slip ends here.",
        f"Sanitized Copy {STAMP}",
        "THE FRIENDS OF THE RECORD wrote.",
    ]
    assert all(text[s.start : s.end] == s.text for s in segs)
    assert [s.line_start for s in segs] == [True, True, False, False]


def test_a_markdown_link_wrapped_over_two_lines_is_one_segment() -> None:
    text = "> Try [the New\n> Catalogue](http://catalogue.example.org/index.htm)\n>\n> More text."
    assert [s.text for s in segment(text)][0] == text.split("\n>\n")[0]


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("Monday, June 3, 2019", True),
        ("3 June 2019", True),
        ("Monday", False),
        ("Portsmouth, 12 April 1902", False),  # a place and a date: a letter's dateline
        ("Letter of 12 April 1902", False),
    ],
)
def test_a_date_alone(text: str, alone: bool) -> None:
    assert date_only(text) is alone


def _blocks(*rows: tuple[str, str]) -> list[Labelled]:
    segs = segment("\n\n".join(r[1] for r in rows))
    assert len(segs) == len(rows)
    return [Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)]


def _conversion() -> Conversion:
    return Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")


def test_menu_lines_between_the_sites_furniture_and_a_posts_date_are_set_aside() -> None:
    bs = _blocks(
        ("furniture", "MENU"),
        ("opener", "FIELD GUIDE TO SHORE BIRDS - 2ND ED."),
        ("heading", "GARDEN POND HANDBOOK"),
        ("dateline", "Monday, June 3, 2019"),
        ("opener", "HARBOUR NOTES"),
        ("title", "Letter from the Harbour Master to the Town Council"),
        ("p", "I have the honour to report that the new light was lit."),
    )
    bs[0].aside = "web-site navigation"
    conv = _conversion()
    assert len(menu_above_date(bs, [bs[5]], conv)) == 2
    assert [b.label for b in bs] == [
        "furniture",
        "furniture",
        "furniture",
        "dateline",
        "opener",  # the post's own line, under its date
        "title",
        "p",
    ]
    assert [s.text for s in conv.set_aside] == [bs[2].text, bs[1].text]


@pytest.mark.parametrize(
    "rows",
    [
        # no furniture over the lines: they are the document's top
        [("opener", "SECRET"), ("opener", "COPY NO. 3"), ("dateline", "12 April 1902")],
        # a classification mark over the date is the document's
        [("furniture", "MENU"), ("opener", "TOP SECRET"), ("dateline", "12 April 1902")],
        # a place and a date is a letter's dateline, not a post's date
        [("furniture", "MENU"), ("opener", "HARBOUR NOTES"), ("dateline", "Portsmouth, 1902")],
        # a sentence is no menu line
        [("furniture", "MENU"), ("opener", "The light was lit."), ("dateline", "12 April 1902")],
    ],
)
def test_no_menu_lines_where_the_shape_says_otherwise(rows: list[tuple[str, str]]) -> None:
    bs = _blocks(*rows, ("title", "Letter from the Harbour Master"), ("p", "The light was lit."))
    before = [b.label for b in bs]
    assert not menu_above_date(bs, [bs[-2]], _conversion())
    assert [b.label for b in bs] == before


#: Each reader case of a furniture class, and the furniture strings it holds.
FURNITURE = {
    "release-stamp-in-scanned-letter": [STAMP],
    "menu-lines-over-a-post-date": ["FIELD GUIDE TO SHORE BIRDS", "GARDEN POND HANDBOOK"],
    "extraction-placeholders-on-a-printed-page": ["[blocks in formation]", "[ocr errors]"],
    "markdown-page-quoted-whole": ["Harbour Library: [Catalogue Page", "Try [the New"],
}


def _nows(text: str) -> str:
    return "".join(text.split()).replace(">", "")


@pytest.mark.parametrize("case", sorted(FURNITURE))
def test_the_cases_furniture_is_set_aside_not_in_the_text(case: str) -> None:
    path = CASES / f"{case}.txt"
    decoded = decode_source(path.read_bytes(), path)
    source = Source(
        text=decoded.text, name=slugify(path.stem), filename=path.name, sha256=decoded.sha256
    )
    conv = CascadeReader().read(source, default_settings(CASES))
    assert conv.documents
    texts = [
        _nows("".join(t.itertext()))
        for d in conv.documents
        for t in d.root.iter("{http://www.tei-c.org/ns/1.0}text")
    ]
    aside = _nows(" ".join(s.text for s in conv.set_aside))
    for furniture in FURNITURE[case]:
        assert _nows(furniture) in aside, furniture
        assert not any(_nows(furniture) in t for t in texts), furniture


def test_text_beside_a_page_stamp_is_not_furniture_by_contagion() -> None:
    from teiedit.readers.cascade.shape_rules import beside_stamps

    text = f"The slip ends here and the letter begins. {STAMP} We thank you for your help."
    segs = segment(text)
    assert len(segs) == 3
    bs = [
        Labelled(seg=segs[0], label="p", confidence=0.9, marginals={"p": 0.9}),
        Labelled(seg=segs[1], label="furniture", confidence=0.9, marginals={"furniture": 0.9}),
        Labelled(
            seg=segs[2], label="furniture", confidence=0.4, marginals={"furniture": 0.4, "p": 0.6}
        ),
    ]
    assert len(beside_stamps(bs)) == 1
    assert [b.label for b in bs] == ["p", "furniture", "p"]
    # the labeller's own likeliest role is furniture: it stays furniture
    bs[2].label, bs[2].marginals = "furniture", {"furniture": 0.7, "p": 0.3}
    assert not beside_stamps(bs)


def test_metadata_inside_the_text_without_a_field_label_is_text() -> None:
    from teiedit.readers.cascade.shape_rules import inner_meta

    prose = "The routing slip asks the office to read the material and pass it along. " * 2
    bs = _blocks(
        ("meta", "Document Type: CREST"),
        ("p", prose),
        ("meta", "THE FRIENDS OF THE PUBLIC RECORD Marta Holloway Secretary March 3, 1984"),
        ("meta", "Sequence Number: 45"),
        ("p", "Records Officer"),
        ("meta", "Content Type: LETTER"),
    )
    assert len(inner_meta(bs)) == 1
    assert [b.label for b in bs] == ["meta", "p", "p", "meta", "p", "meta"]


def test_a_labelled_web_address_alone_is_furniture() -> None:
    from teiedit.readers.cascade.neighbours import address_lines

    bs = _blocks(
        ("citation", "> Source: https://library.example.org/harbour/appendix_03.htm"),
        ("citation", "Harbour Records, Box 4, Folder 2"),
        ("p", "The source of this text is https://library.example.org/harbour, as we said."),
    )
    assert len(address_lines(bs)) == 1
    assert [b.label for b in bs] == ["furniture", "citation", "p"]


def test_a_field_of_the_page_taken_for_a_title_is_metadata() -> None:
    from teiedit.readers.cascade.titles import title_blocks

    bs = _blocks(
        ("title", "Written: Written in the first half of April 1902"),
        ("p", "The harbour light was lit on the evening of the tenth, and burned all night."),
    )
    assert title_blocks(bs, _conversion()) == []
    assert bs[0].label == "meta"


def test_a_page_of_furniture_keeps_its_shapeless_blocks_as_text() -> None:
    path = CASES / "markdown-page-quoted-whole.txt"
    decoded = decode_source(path.read_bytes(), path)
    blocks = segment(decoded.text)
    labelled = [
        Labelled(seg=s, label="furniture", confidence=0.9, marginals={"furniture": 0.6, "p": 0.3})
        for s in blocks
    ]
    from teiedit.readers.cascade.reader import _set_aside

    conv = _conversion()
    _set_aside(labelled, conv)
    kept = [b.one_line for b in labelled if not b.aside]
    assert any(k.startswith("> The page you asked for") for k in kept)
    assert not any("](" in k for k in kept)  # the link lines stay set aside
    assert all(b.label == "p" for b in labelled if not b.aside)

"""Layouts the development corpus does not show (benchmarks/variants.py): other sites' furniture lines,
running heads of a PDF page, run-on and single-newline captures. Small synthetic texts, read by the
cascade; XPath tables on the TEI it makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_settings
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.reader import UNTITLED_COMPILATION, CascadeReader, _whole, _whole_title
from teiedit.readers.cascade.segment import segment
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block

NS = {"t": "http://www.tei-c.org/ns/1.0"}
HERE = Path(__file__).parent


def read(text: str) -> Conversion:
    source = Source(text=text, name="sample", filename="sample.txt", sha256="0" * 64)
    return CascadeReader().read(source, default_settings(HERE))


def xpath(conv: Conversion, expr: str, doc: int = 0) -> list[str]:
    """The string values of ``expr`` on a document of the conversion, white space folded."""
    found = conv.documents[doc].root.xpath(expr, namespaces=NS)
    assert isinstance(found, list)
    return [
        " ".join(("".join(x.itertext()) if isinstance(x, etree._Element) else str(x)).split())
        for x in found
    ]


def in_text(conv: Conversion, needle: str) -> bool:
    return any(
        needle in " ".join("".join(t.itertext()).split())
        for d in conv.documents
        for t in d.root.iter("{http://www.tei-c.org/ns/1.0}text")
    )


@pytest.mark.parametrize(
    ("text", "furniture"),
    [
        ("Log in | Register", True),
        ("Sign in / Create account", True),
        ("Accept cookies", True),
        ("Manage cookies", True),
        ("This site uses cookies to improve your experience.", True),
        ("Subscribe to our newsletter", True),
        ("Subscribe", True),
        ("Print this page", True),
        ("Printer-friendly version", True),
        ("The harbour master would register the ship.", False),
        ("Subscribe to the loan, he wrote, and the town will thank you.", False),
        ("Cookies were served at the reception.", False),
    ],
)
def test_other_sites_furniture_lines(text: str, furniture: bool) -> None:
    assert bool(boilerplate_reason(Block(1, text))) is furniture


LETTER = [
    "Letter from the Harbour Master to the Town Council",
    "12 April 1902",
    "Gentlemen,",
    "I have the honour to report that the new light on the north mole was lit on the evening of "
    "the tenth, and that it was seen from the outer buoy in clear weather.",
    "The keepers have been instructed in its working and will keep the log as the Council asked.",
    "I am, Gentlemen, your obedient servant,",
    "J. Thorne",
]


def test_other_sites_furniture_around_a_letter_is_set_aside() -> None:
    top = ["Accept cookies", "Skip to main content", "Log in | Register", "Print this page"]
    bottom = ["Subscribe to our newsletter", "Back to top", "Accept cookies"]
    conv = read("\n\n".join([*top, *LETTER, *bottom]) + "\n")
    assert len(conv.documents) == 1
    assert xpath(conv, "//t:titleStmt/t:title[@type='main']") == [LETTER[0]]
    assert xpath(conv, "//t:text//t:p[1]")[0].startswith("I have the honour")
    aside = " ".join(s.text for s in conv.set_aside)
    for line in top + bottom:
        assert line in aside
        assert not in_text(conv, line)


def test_a_running_head_between_lines_is_its_own_segment_and_never_the_title() -> None:
    text = (
        "HARBOUR RECORDS QUARTERLY   117\n"
        "The Light on the North Mole\n\n"
        "The new light on the north mole was lit on the evening of the tenth, and it was\n"
        "seen from the outer buoy in clear weather, as the keepers had been told it would.\n"
        "118   THE LIGHT ON THE NORTH MOLE\n"
        "The keepers were instructed in its working and will keep the log as the Council\n"
        "asked them to do in the spring, when the work on the mole began.\n"
    )
    segs = [s.text for s in segment(text)]
    assert "HARBOUR RECORDS QUARTERLY   117" in segs
    assert "118   THE LIGHT ON THE NORTH MOLE" in segs
    conv = read(text)
    assert xpath(conv, "//t:titleStmt/t:title[@type='main']") == ["The Light on the North Mole"]
    assert not in_text(conv, "HARBOUR RECORDS QUARTERLY")
    assert not in_text(conv, "118 THE LIGHT")


NOTICE = (
    'Harbour Library\n\n# Harbour Records Archive\n\n## "Letter No Longer Here"\n\n'
    "The letter you have tried to open came from the Harbour Collected Letters. The holders of\n"
    "their copyright have directed the library to delete all texts taken from that edition.\n"
    "Accordingly, from 1st May 2015, it is no longer available from this site.\n\n"
    "[Harbour Library](index.htm)\n"
)


def test_a_hosts_notice_that_the_document_is_gone_makes_no_document() -> None:
    conv = read(NOTICE)
    assert conv.documents == []
    assert [d.rule for d in conv.diagnostics] == ["no-document"]
    aside = "".join("".join(s.text.split()) for s in conv.set_aside)
    assert sorted(aside) == sorted("".join(NOTICE.split()))  # every character, in the report


def test_a_document_that_mentions_a_removal_is_still_a_document() -> None:
    text = "\n\n".join([*LETTER[:4], "The old lamp has been removed and is no longer available."])
    conv = read(text + "\n\n" + "\n\n".join(LETTER[4:]) + "\n")
    assert len(conv.documents) == 1
    assert xpath(conv, "//t:titleStmt/t:title[@type='main']") == [LETTER[0]]


RECORD = [
    "Record of a Conversation with the Harbour Master, 12 April 1902",
    "The harbour master received me at the pier office and spoke at length about the north mole, the "
    "new light that had been lit on the tenth, and the keepers' instructions for the winter months.",
    "He asked that the council be told of the cost of the lamp oil and of the repairs to the pier, "
    "which the storms of March had damaged more than had been feared at first.",
    "Consul of the Republic in Portsmouth",
    "/J. THORNE/",
    "3 copies sent",
    "1-Cde. Barrow",
    "2-Cde. Lyle",
    "3-to the files",
]


def test_a_typed_signature_before_a_distribution_list_closes_the_text() -> None:
    conv = read("\n\n".join(RECORD) + "\n")
    assert len(conv.documents) == 1
    body = "//t:text/t:body/t:div"
    assert xpath(conv, f"{body}/t:closer/t:signed") == [RECORD[3], RECORD[4]]
    assert xpath(conv, f"{body}/*[last()]/self::t:closer/t:signed[last()]") == ["/J. THORNE/"]
    assert not xpath(conv, "//t:p[contains(., 'THORNE')]")
    assert xpath(conv, "//t:back//t:ab[@type='distribution']/t:list/t:item") == RECORD[6:]


def test_a_name_between_slashes_inside_the_text_stays_text() -> None:
    rows = [*RECORD[:3], "/J. THORNE/", RECORD[2].replace("He asked", "He then asked")]
    conv = read("\n\n".join(rows) + "\n")
    assert not xpath(conv, "//t:closer")
    assert xpath(conv, "//t:body//t:p[. = '/J. THORNE/']") == ["/J. THORNE/"]


def _labelled(*rows: tuple[str, str]) -> list[Labelled]:
    segs = segment("\n\n".join(r[1] for r in rows))
    assert len(segs) == len(rows)
    return [Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        (
            ("p", "Documents on the Harbour Dispute, 1901-1903"),
            "Documents on the Harbour Dispute, 1901-1903",
        ),
        (("opener", "PAPERS OF THE HARBOUR COUNCIL"), "PAPERS OF THE HARBOUR COUNCIL"),
        (("p", "The dispute began in the spring."), UNTITLED_COMPILATION),  # a sentence
        (("p", "Introduction:"), UNTITLED_COMPILATION),
    ],
)
def test_a_compilations_first_line_shaped_like_a_title_names_it(
    first: tuple[str, str], title: str
) -> None:
    part = _labelled(first, ("p", LETTER[3]), ("p", LETTER[4]))
    source = Source(text="", name="harbour", filename="harbour.txt", sha256="0" * 64)
    whole = _whole(source, default_settings(HERE), _whole_title(part), [])
    found = whole.root.xpath(
        "string(t:teiHeader/t:fileDesc/t:titleStmt/t:title[@type='main'])", namespaces=NS
    )
    assert found == title
    assert (
        whole.root.xpath("string(//t:body/t:div[@type='compilation']/t:head)", namespaces=NS)
        == title
    )


def test_a_lettered_note_under_its_call_is_a_note_not_the_first_paragraph() -> None:
    from teiedit.readers.cascade.notelink import lettered_bodies

    bs = _labelled(
        ("title", "Record of a Conversation with the Harbour Mastera"),
        ("dateline", "24 April 1902"),
        ("p", "a The title of the record has been shortened."),
        ("p", "J. Thorneb I have the honour to report that the new light was lit on the tenth."),
        ("p", "b Underlining by typewriter is used from this point on."),
        ("p", "a Harbour master's report was read."),  # no call "a" right above it: text
    )
    assert len(lettered_bodies(bs)) == 2
    assert [b.label for b in bs] == ["title", "dateline", "note", "p", "note", "p"]


def test_a_salutation_inside_a_flattened_letters_first_block_is_cut_out() -> None:
    from teiedit.readers.cascade.inline_apparatus import inner_salutation

    first = (
        "From: Thorne, John To: the Town Council Private My dear Sir, Portsmouth 12th April 1902 "
        "I have the honour to report that the new light on the north mole was lit."
    )
    bs = _labelled(("title", LETTER[0]), ("p", first), ("p", LETTER[4]))
    assert len(inner_salutation(bs)) == 1
    assert [(b.label, b.text) for b in bs[1:4]] == [
        ("opener", "From: Thorne, John To: the Town Council Private"),
        ("salute", "My dear Sir,"),
        ("p", first[first.index("Portsmouth") :]),
    ]
    assert all(b.text == first[b.seg.start - bs[1].seg.start :][: len(b.text)] for b in bs[1:4])
    # a salutation already read, or one deep in the text, is left alone
    again = _labelled(("salute", "Gentlemen,"), ("p", first))
    assert not inner_salutation(again)
    deep = _labelled(("title", LETTER[0]), ("p", LETTER[3] + " " + LETTER[3] + " " + first))
    assert not inner_salutation(deep)


def _pieces(text: str) -> list[str]:
    segs = segment(text)
    assert all(text[s.start : s.end] == s.text for s in segs)  # offsets into the source kept
    return [s.one_line for s in segs]


FLAT_HEAD = [
    "Skip to content",
    "April 12, 1902",
    "Report of the Harbour Master to the Town Council on the North Mole Light",
    "Source: Town Archive, Harbour Papers, box 4",
    "Summary: The new light on the north mole was lit and seen from the outer buoy.",
    "Letter from the Harbour Master",
    "My dear Sir,",
    "The keepers have been instructed in its working and will keep the log as the Council asked, "
    "and the buoy will be painted again before the winter.",
]


def test_a_text_flattened_onto_one_line_is_cut_where_its_lines_started() -> None:
    flat = " ".join(FLAT_HEAD)
    assert _pieces(flat) == FLAT_HEAD
    # the same words inside one long line of a text that kept its line breaks are no line starts
    kept = "Harbour Papers\n\n" + " ".join(FLAT_HEAD[2:] * 3)
    assert len(kept) > 800  # a long line, cut at its sentences and labels only
    pieces = _pieces(kept)
    assert pieces[:2] == ["Harbour Papers", " ".join(FLAT_HEAD[2:5])]
    assert "Letter from the Harbour Master My dear Sir," in " ".join(pieces)
    assert not any(p == "My dear Sir," for p in pieces)


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        # a date tied to the words before it by a small word or a comma stays in its heading
        (
            "Notes on the Meeting of the Council on 12 April 1902 The keepers were told "
            "to keep the log as the Council asked.",
            [
                "Notes on the Meeting of the Council on 12 April 1902",
                "The keepers were told to keep the log as the Council asked.",
            ],
        ),
        (
            "From the Harbour Master to the Town Council, 12 April 1902 From: Thorne, John "
            "To: Town Council Gentlemen, the light was lit.",
            [
                "From the Harbour Master to the Town Council, 12 April 1902",
                "From: Thorne, John",
                "To: Town Council",
                "Gentlemen, the light was lit.",
            ],
        ),
        # a section label alone before its text; a heading's own capitalised words are not cut
        (
            "Lights of the North Sea Coast J. Thorne Abstract The lights of the coast were lit "
            "one by one as the harbours grew.",
            [
                "Lights of the North Sea Coast J. Thorne",
                "Abstract",
                "The lights of the coast were lit one by one as the harbours grew.",
            ],
        ),
        # a heading's colon after "the" opens no label; "The" opens a sentence whatever follows it
        (
            "Harbour Lights Made the Town Safe: the Master and the Keepers The keepers lit the North Mole "
            "light every evening by hand.",
            [
                "Harbour Lights Made the Town Safe: the Master and the Keepers",
                "The keepers lit the North Mole light every evening by hand.",
            ],
        ),
        # a closing formula run into its signature, and the notes' heading after it
        (
            "The keepers lit the North Mole light every evening by hand. Yours sincerely, J. Thorne "
            "Notes [1] The light was first lit in 1902.",
            [
                "The keepers lit the North Mole light every evening by hand.",
                "Yours sincerely,",
                "J. Thorne",
                "Notes",
                "[1]",
                "The light was first lit in 1902.",
            ],
        ),
        # a sentence that opens with a book's capitalised title is no heading, nor is its "NJ:" a label
        (
            "The keepers lit the North Mole light every evening by hand. In The Harbour Lights: Keepers "
            "of the Coast (Portsmouth, NJ: Harbour Press, 1902), John Thorne argues that it was late.",
            [
                "The keepers lit the North Mole light every evening by hand.",
                "In The Harbour Lights: Keepers of the Coast (Portsmouth, NJ: Harbour Press, 1902), "
                "John Thorne argues that it was late.",
            ],
        ),
    ],
)
def test_flattened_heads_are_cut_by_shape(line: str, pieces: list[str]) -> None:
    filler = "The buoy was painted again before the winter, as the Council had asked of its keepers in May."
    assert len(line) + len(filler) > 200  # a short line alone is no flattened page
    assert _pieces(f"{line} {filler}") == [*pieces, filler]


def _lines_labelled(*rows: tuple[str, str]) -> list[Labelled]:
    """Labelled segments of lines laid out with single newlines (no blank line between)."""
    segs = segment("\n".join(r[1] for r in rows))
    assert [s.text for s in segs] == [r[1] for r in rows]
    return [
        Labelled(seg=s, label=r[0], confidence=0.9, marginals={r[0]: 0.9})
        for s, r in zip(segs, rows, strict=True)
    ]


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a series or issue line over the title, no blank line between: two lines, the title wins
        (
            [
                "Harbour Papers No. 17",
                "The North Mole Light and the Council's Dispute with the Keepers",
            ],
            "The North Mole Light and the Council's Dispute with the Keepers",
        ),
        (
            ["Harbour Correspondence 1902", "### The Harbour Master to the Town Council"],
            "### The Harbour Master to the Town Council",
        ),
        # a title wrapped over two lines stays one title
        (
            ["Letter from the Harbour Master to the Town Council", "Portsmouth, 12 April 1902"],
            "Letter from the Harbour Master to the Town Council Portsmouth, 12 April 1902",
        ),
        (
            ["Report of the Harbour Master for the Year 1902", "With the Keepers' Log"],
            "Report of the Harbour Master for the Year 1902 With the Keepers' Log",
        ),
    ],
)
def test_a_series_line_over_the_title_is_not_joined_to_it(top: list[str], title: str) -> None:
    from teiedit.readers.cascade.titles import title_blocks

    part = _lines_labelled(*(("title", t) for t in top), ("p", LETTER[3]))
    conv = Conversion(
        source=Source(text="", name="s", filename="s.txt", sha256="0" * 64), profile="auto"
    )
    assert " ".join(b.one_line for b in title_blocks(part, conv)) == title


def test_the_labeller_is_trained_without_the_cuts_of_a_flattened_text() -> None:
    from teiedit.readers.cascade.examples import Example, sequence

    text = " ".join(FLAT_HEAD)
    xseq, yseq = sequence(Example(name="flat", text=text, spans=((0, len(text), "p"),)))
    assert len(xseq) == len(yseq) == len(segment(text, flat=False)) == 1
    assert len(segment(text)) == len(FLAT_HEAD)


def test_a_letter_flattened_onto_one_line_keeps_its_title_date_and_salutation() -> None:
    conv = read(" ".join(LETTER))
    assert xpath(conv, "//t:titleStmt/t:title[@type='main']") == [LETTER[0]]
    assert xpath(conv, "//t:correspAction[@type='sent']/t:date/@when") == ["1902-04-12"]
    assert xpath(conv, "//t:body//t:opener/t:salute") == ["Gentlemen,"]
    assert xpath(conv, "//t:body//t:p")[0].startswith("I have the honour to report")
    # "I am, Gentlemen, your obedient servant," is the close, the name run on after it the signature
    assert xpath(conv, "//t:body//t:closer/t:salute") == [LETTER[-2]]
    assert xpath(conv, "//t:body//t:closer/t:signed") == [LETTER[-1]]


def test_a_page_marker_and_a_repeat_of_the_title_are_not_the_first_paragraph() -> None:
    from teiedit.readers.cascade.shape_rules import page_markers
    from teiedit.readers.cascade.title_top import repeated_title

    part = _labelled(
        ("title", "The North Mole Light: Reports of the Harbour Master"),
        ("p", "Page ii"),
        ("p", "The North Mole Light: Reports of the Harbour Master"),
        ("p", "[Page 3]"),
        ("p", LETTER[3]),
        ("p", "The page 3 of the log was torn."),
    )
    assert len(page_markers(part)) == 2
    assert len(repeated_title(part, part[:1])) == 1
    assert [b.label for b in part] == ["title", "pagefw", "heading", "pagefw", "p", "p"]

"""The small recognisers the readers are made of: citations, names, dates with places, web furniture, and
where the documents of a compilation begin and end."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.readers.common.archival_doc import personal_name
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.citation import parse_archival, source_line_body
from teiedit.readers.common.doc_starts import is_document_start, title_shape
from teiedit.readers.common.lines import Block, place_date_line, split_blocks
from teiedit.readers.common.parts import Part, content_blocks, find_parts


@pytest.mark.parametrize(
    ("text", "repository", "idnos", "note"),
    [
        (
            (
                "Russian State Archive of Contemporary History (hereafter RGANI), Fond 5, Opis 28, Delo 410, "
                "Listy 73-85."
            ),
            "Russian State Archive of Contemporary History",
            [("fond", "5"), ("opis", "28"), ("delo", "410"), ("listy", "73-85")],
            "",
        ),
        (
            "RGANI, Fond 5, Opis 28, Delo 412, List 295. Obtained and translated for CWIHP by J. Doe.",
            "RGANI",
            [("fond", "5"), ("opis", "28"), ("delo", "412"), ("listy", "295")],
            "Obtained and translated for CWIHP by J. Doe.",
        ),
        (
            "AVPRF, f. 0102, op. 12, d. 6, p. 68",
            "AVPRF",
            [("fond", "0102"), ("opis", "12"), ("delo", "6"), ("papka", "68")],
            "",
        ),
        (
            "City Library, MS 12 B 3. Copied by A. B.",
            "City Library",
            [("shelfmark", "MS 12 B 3")],
            "Copied by A. B.",
        ),
    ],
)
def test_archival_citations(
    text: str, repository: str, idnos: list[tuple[str, str]], note: str
) -> None:
    cit = parse_archival(text)
    assert (cit.repository, cit.idnos, cit.note) == (repository, idnos, note)


def test_source_line_is_recognised_across_lines() -> None:
    assert source_line_body("[Source: RGANI, Fond 5,\n Opis 28.]") == "RGANI, Fond 5,\n Opis 28."
    assert source_line_body("Source: not bracketed") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("DPRK Ambassador to the USSR Ri Sang-jo", "Ri Sang-jo"),
        ("Ambassador V. I. Ivanov", "V. I. Ivanov"),
        ("Kim Il Sung", "Kim Il Sung"),
        ("the Central Committee", "the Central Committee"),
    ],
)
def test_personal_name_is_the_tail_after_a_role(text: str, name: str) -> None:
    assert personal_name(text) == name


def test_place_and_date_line() -> None:
    found = place_date_line(Block(1, "Moscow, 12 October 1956"))
    assert found is not None and found[0] == "Moscow" and found[2].when == "1956-10-12"
    assert place_date_line(Block(1, "Moscow, in the autumn")) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Skip to content", "web-site navigation"),
        (
            "This document was made possible with support from A Foundation",
            "funder statement of the web site",
        ),
        ("Record ID", "label of a web-page panel"),
        ("Log in via your institution", "login or shop panel of the web site"),
        (
            "  • 30 days online access\n  • PDFs can be printed\nUSD 455.00 Add to cart",
            "login or shop panel of the web site",
        ),
        ("The committee met in June and decided nothing.", None),
    ],
)
def test_web_furniture(text: str, reason: str | None) -> None:
    assert boilerplate_reason(Block(1, text)) == reason


def test_blocks_keep_their_line_numbers() -> None:
    blocks = split_blocks("\n\nFirst\nstill first\n\n\n  Second\n")
    assert [(b.line, b.text) for b in blocks] == [(3, "First\nstill first"), (7, "Second")]


# -- compilations: where one document ends and the next begins ------------------------------------------

_REPO = Path(__file__).resolve().parent.parent
_COMPILATIONS = _REPO / "tests/cases/readers/compilation"


def _outline(path: Path) -> list[tuple[str, str, str, str, bool]]:
    """Each part as (kind, title, its first three words, its last three words, has a source line)."""
    blocks, _ = content_blocks(path.read_text(encoding="utf-8"))

    def words(p: Part) -> list[str]:
        return " ".join(b.one_line for b in p.blocks).split()

    return [
        (
            p.kind,
            p.title,
            " ".join(words(p)[:3]),
            " ".join(words(p)[-3:]),
            p.source_block is not None,
        )
        for p in find_parts(blocks)
    ]


@pytest.mark.parametrize(
    ("case", "outline"),
    [
        # A report with stamp and dateline but no source line, between two documents that have one; inside
        # the first memorandum a heading-like line ("Report on the dredging season") that is no title.
        (
            "bulletin-sourceless-document",
            [
                ("essay", "", "The harbour records", "2, Opis 1.", False),
                (
                    "document",
                    "Memorandum of Conversation with the Harbour Master, 3 May 1958",
                    "**Memorandum of Conversation",
                    "sent 1-Commission 2-Archive",
                    True,
                ),
                (
                    "document",
                    "Report of the Dredging Brigade on the Spring Works, 20 May 1958",
                    "Report of the",
                    "leader K. Lind",
                    False,
                ),
                (
                    "document",
                    "Letter from the Harbour Board to the Commission, 9 June 1958",
                    "**Letter from the",
                    "9 June 1958",
                    True,
                ),
            ],
        ),
        # Every source line follows its document's body; the second document ends with a bare name.
        (
            "bulletin-source-after-body",
            [
                (
                    "essay",
                    "Notes on the Harbour Papers",
                    "**Notes on the",
                    "follows its text.",
                    False,
                ),
                (
                    "document",
                    "Memorandum of Conversation with the Pilot, 4 May 1958",
                    "Memorandum of Conversation",
                    "by A. Editor.]",
                    True,
                ),
                (
                    "document",
                    "Telegram from the Harbour Master to the Commission, 5 May 1958",
                    "Telegram from the",
                    "9, List 3.]",
                    True,
                ),
                (
                    "document",
                    "Record of the Commission's Meeting, 7 May 1958",
                    "Record of the",
                    "9, Listy 4-5.]",
                    True,
                ),
            ],
        ),
        # Two memoranda of the same kind in a row, neither with a source line, after a long report whose body
        # has a heading, a quoted title, numbered items naming documents and a sentence opening like a title.
        (
            "bulletin-same-kind-in-a-row",
            [
                (
                    "document",
                    "Report on the Northern Channel, 1 June 1958",
                    "**Report on the",
                    "autumn. /P. Orlov/",
                    True,
                ),
                (
                    "document",
                    "Memorandum of Conversation with the Pilot, 4 June 1958",
                    "Memorandum of Conversation",
                    "channel. /P. Orlov/",
                    False,
                ),
                (
                    "document",
                    "Memorandum of Conversation with the Pilot, 6 June 1958",
                    "Memorandum of Conversation",
                    "repaired. /P. Orlov/",
                    False,
                ),
                (
                    "document",
                    "Letter from the Commission to the Board, 9 June 1958",
                    "**Letter from the",
                    "9 June 1958",
                    True,
                ),
            ],
        ),
    ],
)
def test_compilation_part_boundaries(
    case: str, outline: list[tuple[str, str, str, str, bool]]
) -> None:
    assert _outline(_COMPILATIONS / f"{case}.txt") == outline


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Memorandum of Conversation with the Harbour Master, 3 May 1958", 4),
        ("**Letter from the Board to the Commission**", 5),
        ("Party Committee Report on the Harvest", 3),
        ("Telegram, Harbour Master to the Commission", 3),
        ("2. Letter from the Board to the Commission of 9 May.", 0),  # a numbered item
        ('"Memorandum of Conversation with the Pilot" was filed twice.', 0),  # a quotation
        ("DIARY", 0),  # a layout heading
        ("The Report on the harvest was read aloud.", 0),  # a sentence that names a document
        (
            "Report on the harvest was read aloud by the clerk, and nobody objected to any of its many figures.",
            0,
        ),
        ("Reporting on the harvest took an hour", 0),
        ("the report on the harvest", 0),
    ],
)
def test_title_shape(line: str, shape: int) -> None:
    assert title_shape(Block(1, line)) == shape


def _starts(text: str) -> list[str]:
    blocks = split_blocks(text)
    return [b.one_line for i, b in enumerate(blocks) if is_document_start(blocks, i)]


def test_a_title_starts_a_document_only_with_a_documents_top_or_the_previous_ones_end() -> None:
    body = "The brigade worked through May and cleared the channel to a depth of four metres."
    # A heading inside a report: prose before and after it, no header zone.
    assert _starts(f"{body}\n\nReport on the southern channel\n\n{body}\n") == []
    # The same line with a stamp and a date line under it is a document's title.
    assert _starts(
        f"{body}\n\nReport on the southern channel\n\nSecret\n\n1 June 1958\n\n{body}\n"
    ) == ["Report on the southern channel"]
    # After a signature and a distribution list, a dated title needs no stamp.
    assert _starts(
        f"{body}\n\n/P. Orlov/\n\n4 copies sent\n\nReport on the southern channel, 1 June 1958\n\n"
        f"{body}\n"
    ) == ["Report on the southern channel, 1 June 1958"]
    # A paragraph that runs on into a title-like line (broken by the PDF) is no document's end.
    assert (
        _starts(
            "The brigade leader handed in the\n\nReport on the southern channel, 1 June 1958\n\n"
            "1 June 1958\n\n" + body
        )
        == []
    )
    # The first half of a sentence that goes on in the next block is no title.
    assert (
        _starts(
            f"{body}\n\nSecret\n\nMemorandum of conversation with the pilot\n\nwas filed twice.\n"
        )
        == []
    )


def test_the_first_editions_bulletin_keeps_its_thirteen_parts() -> None:
    """The seed bulletin's split is fixed by the edition's TEI: two essays, then eleven documents, each
    starting at its title and each with its source line (the documents glued to them stay glued)."""
    blocks, furniture = content_blocks(
        (_REPO / "sources/bulletin-cwihp-1956-crisis-documents.txt").read_text(encoding="utf-8")
    )
    parts = find_parts(blocks)
    assert [p.blocks[0].line for p in parts] == [
        3,
        76,
        166,
        192,
        251,
        338,
        387,
        505,
        823,
        847,
        867,
        1024,
        1040,
    ]
    assert [p.kind for p in parts] == ["essay"] * 2 + ["document"] * 11
    assert all(p.source_block is not None and not p.source_after_body for p in parts[2:])
    assert sum(len(p.blocks) for p in parts) == len(blocks) and furniture

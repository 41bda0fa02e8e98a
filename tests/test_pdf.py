"""The print edition, read back from the PDFs: text, outline, attachments, metadata, footnotes, index, glyphs.

The fixtures in tests/cases/pdf/tei are small hand-made TEI documents (a letter with footnotes and names,
a bulletin memorandum with Cyrillic, Hangul and Han characters and editorial signs, a short report) and a
register set. The PDFs are built once per module with the real XSLT (saxonche) and WeasyPrint.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from conftest import CASES, FIXED_EPOCH
from helpers import transform_tei
from lxml import etree
from pypdf import PdfReader

from teiedit.builder import BuildOptions
from teiedit.builders.pdf import PdfBuilder
from teiedit.builders.pdf.plan import plan
from teiedit.config import Editor, Settings
from teiedit.edition import Edition
from teiedit.registers import is_register

pytestmark = pytest.mark.slow

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
FIXTURES = CASES / "pdf" / "tei"
DOCS = sorted(FIXTURES.glob("*.xml"))
#: The compilation's whole only lists its parts: it gets its own PDF but is no chapter of the book.
WHOLE = FIXTURES / "bulletin-quotas.xml"
CHAPTERS = [d for d in DOCS if d != WHOLE]
#: The book's documents by date (1956-12-01, 1957-02-20 in its heading, 1957-03-02).
CHAPTERS_IN_BOOK_ORDER = [
    "report-winter-1956-12-01",
    "bulletin-quotas-03",
    "letter-han-to-o-1957-03-02",
]
REGISTERS = sorted((FIXTURES / "registers").glob("*.xml"))
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

EDITION = Settings(
    root=FIXTURES,
    title="Weaving Quotas: A Test Dossier",
    short_title="Weaving Quotas",
    publisher="Test Press",
    pub_place="Testville",
    licence="CC-BY-4.0",
    base_url="https://example.org/quotas/",
    editors=(
        Editor(id="ed-a", name="Ada Editor", resp="general editor"),
        Editor(id="ed-b", name="Bo Reviewer", resp="notes"),
    ),
)


def render(files: list[Path], out: Path) -> list[Path]:
    """The print edition of ``files`` (with the test edition's settings) in ``out``."""
    return PdfBuilder().build(Edition.from_files(EDITION, files), out, BuildOptions())


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf") / "pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        written = render([*DOCS, *REGISTERS], folder)
    assert sorted(p.name for p in written) == sorted(
        ["edition.pdf", *(d.name.replace(".xml", ".pdf") for d in DOCS)]
    )
    return folder


_CJK = "\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"


def _norm(text: str) -> str:
    """Extracted text as one line: automatic hyphens (U+2010 at a line end) rejoined, lines broken inside
    a run of Hangul or Han characters rejoined, white space single."""
    text = re.sub("\u2010\n", "", text)
    text = re.sub(f"(?<=[{_CJK}])\n(?=[{_CJK}])", "", text)
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    """Words and numbers as separate tokens (a footnote call sticks to the word before it)."""
    return re.findall(r"[^\W\d_]+|\d+", text)


def _pages(pdf: Path) -> list[str]:
    return [_norm(p.extract_text()) for p in PdfReader(pdf).pages]


def _outline_pages(pdf: Path) -> dict[str, int]:
    """Top-level outline titles -> 0-based page index."""
    reader = PdfReader(pdf)
    return {
        o.title: reader.get_destination_page_number(o)
        for o in reader.outline
        if not isinstance(o, list)
    }


def _printed_text(el: etree._Element) -> str:
    """The reading a printed page shows: corrected/regularised side of a choice, no notes."""
    hidden = "ancestor::tei:note or ancestor::tei:sic[parent::tei:choice] or ancestor::tei:orig[parent::tei:choice]"
    return " ".join(el.xpath(f".//text()[not({hidden})]", namespaces=TEI))


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(w == h for h in it) for w in needle)


# -- text -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.stem)
def test_every_word_of_every_document_is_printed_in_order(out: Path, doc: Path) -> None:
    tei = etree.parse(str(doc))
    body = _words(_printed_text(tei.find(".//tei:text", TEI)))
    notes = [_words(" ".join(n.itertext())) for n in tei.iterfind(".//tei:text//tei:note", TEI)]
    pdfs = [out / f"{doc.stem}.pdf"] + ([out / "edition.pdf"] if doc in CHAPTERS else [])
    assert len(body) > 10  # a subsequence test of nothing would pass on an empty document
    for pdf in pdfs:
        printed = _words(" ".join(_pages(pdf)))
        assert _is_subsequence(body, printed), (
            f"text of {doc.name} missing or out of order in {pdf.name}"
        )
        for note in notes:
            assert _is_subsequence(note, printed), f"a note of {doc.name} is missing in {pdf.name}"


def test_documents_are_in_chronological_order_each_on_a_new_page(out: Path) -> None:
    outline = _outline_pages(out / "edition.pdf")
    titles = [
        "Report on the Winter Plan of the Textile Industry",  # 1956-12-01, in the header
        "Memorandum of Pyotr Lavrov on the Textile Mills of the Province",  # 1957-02-20, in its head
        "Letter from Han Sŏ-bong to O Kyŏng-suk on the Weaving Quotas",
    ]  # 1957-03-02, correspDesc
    starts = [outline[t] for t in titles]
    assert starts == sorted(starts) and len(set(starts)) == 3
    pages = _pages(out / "edition.pdf")
    assert all(t in pages[p] for t, p in zip(titles, starts, strict=True))


def test_title_page_and_imprint_hold_the_settings(out: Path) -> None:
    title, imprint = _pages(out / "edition.pdf")[:2]
    for expected in (
        "Weaving Quotas: A Test Dossier",
        "Ada Editor",
        "general editor",
        "Bo Reviewer",
        "Test Press",
        "Testville",
    ):
        assert expected in title
    for expected in (
        "Published by Test Press, Testville",
        "under the licence CC-BY-4.0",
        "online at https://example.org/quotas/",
        "How to cite: Ada Editor and Bo Reviewer (eds.), Weaving Quotas: A Test Dossier",
    ):
        assert expected in imprint


def test_conventions_state_the_editors_statements_once_and_the_signs_by_example(out: Path) -> None:
    outline = _outline_pages(out / "edition.pdf")
    pages = _pages(out / "edition.pdf")[outline["Editorial conventions"] : outline["Sources"]]
    text = " ".join(pages)
    assert "Romanisation of Korean names follows McCune–Reischauer (ŏ, ŭ)." in text
    assert (
        text.count("Orthography as in the original translation.") == 1
    )  # stated by three documents
    # each sign by an example printed as the documents print it
    for example in ("[The remainder]", "foreman[?]", "TU [Textile Union]", "\\fourteen/", "⸢the⸣"):
        assert example in text


def test_archival_citation_and_summary_open_the_document(out: Path) -> None:
    first = _pages(out / "letter-han-to-o-1957-03-02.pdf")[0]
    assert (
        "Source: Kaesŏng, Provincial Archive of Light Industry, Fond 12, Opis 3, Delo 45, Listy 7-9"
        in first
    )
    assert "Summary Han complains that the weaving quotas" in first
    assert "From Han Sŏ-bong to O Kyŏng-suk, Moscow, 2 March 1957" in first


def test_editorial_interventions_are_typeset_by_the_conventions(out: Path) -> None:
    letter = " ".join(_pages(out / "letter-han-to-o-1957-03-02.pdf"))
    assert "⸢reduction⸣ of the plan" in letter and "re duction" not in letter
    assert (
        "to wait for ⸢the next Union plan⸣." in letter
    )  # one pair of half brackets for a repaired run
    assert "pgzv" not in letter
    assert "[The remainder]" in letter and "[2 lines illegible]" in letter
    memo = " ".join(_pages(out / "bulletin-quotas-03.pdf"))
    assert (
        "foreman[?]" in memo
        and "\\fourteen/" in memo
        and "absent" in memo
        and "absente" not in memo
    )
    assert "night[?] inspections" in memo and "[?][?]" not in memo  # the source's own query, once
    assert "TU [Textile Union]" in memo and "Kim Chŏng-il [Kim Jong Il]" in memo
    assert "SECRET. Copy No. 2 [handwritten: urgent]" in memo
    assert (
        "[Source: Archive of Foreign Policy, Fond 0102, Opis 13.] SECRET" in memo
    )  # in place, not a footnote
    assert (
        "Source: Archive of Foreign Policy, Fond 0102, Opis 13, Delo 72, Listy 1-4" in memo
    )  # idno kinds


def test_contents_page_numbers_point_at_the_documents(out: Path) -> None:
    outline = _outline_pages(out / "edition.pdf")
    with pdfplumber.open(out / "edition.pdf") as pdf:
        lines = [line["text"] for line in pdf.pages[outline["Contents"]].extract_text_lines()]
    for title in (
        "Report on the Winter Plan of the Textile Industry",
        "Editorial conventions",
        "Sources",
        "Index",
    ):
        line = next(t for t in lines if title in t)
        assert int(line.split()[-1]) - 1 == outline[title], line
    # one numbered line per document, the conventions, the sources, the index, and the running head
    assert len([t for t in lines if re.search(r"\d$", t)]) == len(CHAPTERS) + 4
    # a document whose header has no date is placed by the date in its heading
    assert any(t.startswith("20 February 1957 Memorandum of Pyotr Lavrov") for t in lines)


# -- footnotes ------------------------------------------------------------------------------------------


def _note_calls(page: pdfplumber.page.Page, body_size: float) -> list[tuple[str, float]]:
    """Superscript digits (footnote calls) on a page, with their vertical position."""
    chars = [c for c in page.chars if c["size"] < body_size * 0.75 and c["text"].isdigit()]
    return [(c["text"], c["top"]) for c in chars]


@pytest.mark.parametrize("pdf_name", ["letter-han-to-o-1957-03-02.pdf", "edition.pdf"])
def test_footnote_text_is_on_the_page_of_its_call_with_the_web_number(
    out: Path, pdf_name: str
) -> None:
    tei = etree.parse(str(FIXTURES / "letter-han-to-o-1957-03-02.xml"))
    notes = tei.findall(".//tei:text//tei:note", TEI)
    assert len(notes) == 3
    with pdfplumber.open(out / pdf_name) as pdf:
        texts = [_norm(p.extract_text()) for p in pdf.pages]
        for note in notes:
            n = note.get("n")
            start = " ".join(" ".join(note.itertext()).split()[:6])
            hits = [i for i, t in enumerate(texts) if f"{n}. {start}" in t]
            assert len(hits) == 1, f"footnote {n} should be printed once, as '{n}. {start}…'"
            page = pdf.pages[hits[0]]
            foot = page.search(re.escape(f"{n}. {start.split()[0]}"))[-1]["top"]
            calls = [top for text, top in _note_calls(page, 10) if text == n and top < foot]
            assert calls, f"the call of footnote {n} is not above its text on page {hits[0] + 1}"


def test_footnote_numbers_are_the_web_numbers(out: Path) -> None:
    """Numbers come from the same rule as the web edition: @n, else the position in the document."""
    from teiedit.resources import xslt_dir

    tree = etree.parse(str(FIXTURES / "report-winter-1956-12-01.xml"))
    web = etree.HTML(transform_tei(xslt_dir() / "html" / "document.xsl", tree).encode())
    printed = etree.HTML(transform_tei(xslt_dir() / "print" / "document.xsl", tree).encode())
    web_numbers = [" ".join(a.itertext()).strip() for a in web.xpath("//*[@role='doc-noteref']")]
    assert web_numbers == ["1"]
    assert printed.xpath("//span[contains(@class, 'footnote')]/@data-n") == web_numbers


NOTE_CASES = CASES / "notes"
#: Every numbered note of a page in document order: the web's calls and endnotes, the print's footnotes
#: and endnotes. Block and inline notes carry no number in either edition.
WEB_NUMBERS = (
    "//*[contains(concat(' ', @class, ' '), ' noteref ')]"
    " | //aside[contains(concat(' ', @class, ' '), ' note ')][@data-n]"
)
PRINT_NUMBERS = "//span[contains(concat(' ', @class, ' '), ' footnote ')] | //div[@class='endnote']"


def _web_and_paged(doc: Path) -> tuple[etree._Element, etree._Element]:
    """The web page (html/document.xsl) and the paged HTML (print/document.xsl) of one TEI document."""
    from teiedit.resources import xslt_dir

    tree = etree.parse(str(doc))
    web = etree.HTML(transform_tei(xslt_dir() / "html" / "document.xsl", tree).encode())
    paged = etree.HTML(transform_tei(xslt_dir() / "print" / "document.xsl", tree).encode())
    return web, paged


def _label(el: etree._Element) -> str:
    return el.get("data-n") or " ".join("".join(el.itertext()).split())


@pytest.mark.parametrize(
    ("name", "xpath", "expected"),
    [
        ("footnotes-only", "//span[contains(@class, 'footnote')]/@data-n", ["1", "2", "3"]),
        # the block notes are printed where they stand, unnumbered; the footnotes keep 1, 2, 3
        ("block-before-footnote", "//span[contains(@class, 'footnote')]/@data-n", ["1", "2", "3"]),
        (
            "block-before-footnote",
            "//span[contains(@class, 'footnote')]/@id",
            ["doc-main-note-1", "doc-main-note-2", "doc-main-note-3"],
        ),
        (
            "block-before-footnote",
            "//p[contains(@class, 'block-note')]/text()",
            [
                "The first page of the memorandum is damaged.",
                "A line is struck through here.",
                "The signature is illegible.",
            ],
        ),
        (
            "block-before-footnote",
            "count(//p[contains(@class, 'block-note')][1]/following::span[@data-n])",
            3.0,
        ),
        ("notes-with-n", "//span[contains(@class, 'footnote')]/@data-n", ["12", "2", "a", "14"]),
        ("notes-with-n", "//div[@class='endnote']/span[@class='endnote-n']/text()", ["15."]),
        ("anchors", "//span[contains(@class, 'footnote')]/@data-n", ["1", "2", "3", "4"]),
        (
            "anchors",
            "normalize-space(//span[@data-n='1'])",
            "1. An anchored note (with a note of its own).",  # its number links back to the call
        ),
        ("anchors", "string(//span[contains(@class, 'inline-note')])", "[?]"),
        ("anchors", "//div[@class='endnote']/@data-n", ["5", "9"]),
        ("nested-text", "//span[contains(@class, 'footnote')]/@data-n", ["1", "2", "T1", "4"]),
        ("nested-text", "//p[contains(@class, 'block-note')]/text()", ["The telegram is a copy."]),
        ("endnotes", "//span[contains(@class, 'footnote')]/@data-n", ["1"]),
        ("endnotes", "//div[@class='endnote']/@data-n", ["2", "3", "3", "5"]),
        # the source's note "3. The third note …" keeps its own number only
        ("endnotes", "//div[@class='endnote']/span[@class='endnote-n']/text()", ["2.", "3.", "5."]),
        (
            "endnotes",
            "//div[@class='endnote']/@id",
            ["doc-main-note-2", "doc-main-note-3", "doc-main-note-4", "doc-main-note-5"],
        ),
    ],
)
def test_printed_note_numbers(name: str, xpath: str, expected: object) -> None:
    _, paged = _web_and_paged(NOTE_CASES / f"{name}.xml")
    found = paged.xpath(xpath)
    assert ([str(f) for f in found] if isinstance(found, list) else found) == expected


@pytest.mark.parametrize(
    "doc",
    [*sorted(NOTE_CASES.glob("*.xml")), *DOCS, *sorted((CASES / "html").glob("*.xml"))],
    ids=lambda d: d.name,
)
def test_every_numbered_note_has_the_web_number_in_print(doc: Path) -> None:
    """Footnotes and endnotes, in document order, carry the same numbers on the web page and on paper; no
    two notes of a page share an id."""
    web, paged = _web_and_paged(doc)
    printed = [_label(e) for e in paged.xpath(PRINT_NUMBERS)]
    assert printed == [_label(e) for e in web.xpath(WEB_NUMBERS)]
    tei = etree.parse(str(doc))
    numbered = tei.xpath(
        "//tei:text//tei:note[not(@place = 'inline') and not(ancestor::tei:note)]", namespaces=TEI
    )
    blocks = paged.xpath("//*[contains(concat(' ', @class, ' '), ' block-note ')]")
    assert len(printed) + len(blocks) == len(numbered)
    ids = paged.xpath(f"({PRINT_NUMBERS})/@id")
    assert len(ids) == len(set(ids)) == len(printed)


# -- index ----------------------------------------------------------------------------------------------


def _index_names() -> dict[str, set[str]]:
    """Preferred name -> every spelling: the register's variants and the mentions' own texts."""
    by_id: dict[str, set[str]] = {}
    preferred: dict[str, str] = {}
    for reg in REGISTERS:
        for entry in etree.parse(str(reg)).xpath(
            "//tei:person | //tei:place | //tei:org", namespaces=TEI
        ):
            names = [
                " ".join(n.itertext()).strip()
                for n in entry.xpath("tei:persName | tei:placeName | tei:orgName", namespaces=TEI)
            ]
            entry_id = entry.get("{http://www.w3.org/XML/1998/namespace}id")
            preferred[entry_id] = names[0]
            by_id[entry_id] = set(names)
    for doc in CHAPTERS:
        for m in etree.parse(str(doc)).xpath("//tei:text//*[@ref]", namespaces=TEI):
            by_id[m.get("ref").lstrip("#")].add(" ".join(" ".join(m.itertext()).split()))
    return {preferred[i]: names for i, names in by_id.items()}


def _index_locators(pdf: Path) -> dict[str, list[int]]:
    """Index entry label -> the page numbers printed after it (ranges expanded)."""
    names = _index_names()
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[_outline_pages(pdf)["Index"]]
        half, top = page.width / 2, page.search("Index")[0]["bottom"]
        bottom = (
            page.height - 22 * 72 / 25.4
        )  # the text area ends at the bottom margin (the folio is below)
        columns = [page.crop((0, top, half, bottom)), page.crop((half, top, page.width, bottom))]
        text = " ".join(_norm(c.extract_text()) for c in columns)
    # An entry starts after the previous entry's last page number or after a part heading.
    starts = {}
    for label in names:
        found = re.search(
            r"(?:^|(?<=\d)|(?<=Persons)|(?<=Places)|(?<=Organisations))\s*" + re.escape(label), text
        )
        assert found, f"{label!r} is not indexed"
        starts[label] = found.end() - len(label)
    labels = sorted(names, key=starts.__getitem__)
    result: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        end = starts[labels[i + 1]] if i + 1 < len(labels) else len(text)
        chunk = re.sub(r"\b(Persons|Places|Organisations)\b", "", text[starts[label] : end]).strip()
        numbers = re.search(r"(\d+(?:\u2013\d+)?)(?:, \d+(?:\u2013\d+)?)*$", chunk)
        assert numbers, f"no page numbers after {label!r}: {chunk!r}"
        pages: list[int] = []
        for part in numbers.group(0).split(", "):
            low, _, high = part.partition("\u2013")
            pages.extend(range(int(low), int(high or low) + 1))
        result[label] = pages
    return result


def test_index_page_numbers_point_at_pages_that_name_the_entry(out: Path) -> None:
    pdf = out / "edition.pdf"
    pages = _pages(pdf)
    names = _index_names()
    locators = _index_locators(pdf)
    assert set(locators) == set(names)
    for label, numbers in locators.items():
        assert numbers == sorted(set(numbers)), f"{label}: pages repeat or are out of order"
        for number in numbers:
            assert any(name in pages[number - 1] for name in names[label]), (label, number)
    assert sum(map(len, locators.values())) >= 12


def test_index_lists_every_page_a_name_is_on_not_only_the_first(out: Path) -> None:
    """Kaesŏng is named on both pages of the letter and in the report: every such page is listed."""
    pdf = out / "edition.pdf"
    pages = _pages(pdf)
    names = _index_names()["Kaesŏng"]
    outline = _outline_pages(pdf)
    body = range(outline["Report on the Winter Plan of the Textile Industry"], outline["Index"])
    expected = [i + 1 for i in body if any(n in pages[i] for n in names)]
    assert len(expected) >= 3
    assert _index_locators(pdf)["Kaesŏng"] == expected


def test_index_gives_names_in_other_scripts_from_the_register(out: Path) -> None:
    pages = _pages(out / "edition.pdf")
    index = pages[_outline_pages(out / "edition.pdf")["Index"]]
    assert "Han Sŏ-bong (Хан Со Бон, 한서봉)" in index
    assert _missing_glyphs(out / "edition.pdf") == []


def test_index_page_numbers_continue_the_book(out: Path) -> None:
    reader = PdfReader(out / "edition.pdf")
    outline = _outline_pages(out / "edition.pdf")
    index_page = outline["Index"] + 1
    assert index_page % 2 == 1, "the index starts on a right-hand page"
    assert _norm(reader.pages[index_page - 1].extract_text()).split()[-1] == str(index_page)


# -- folios: page numbers and running heads, stamped on the laid-out parts ---------------------------------

MM = 72 / 25.4


def _bands(pdf: Path) -> list[tuple[str, str]]:
    """(top margin text, bottom margin text) of every page: where the folios are (the margins are 20 mm
    at the top and 22 mm at the foot; the folios sit in their middle, clear of the text area)."""
    with pdfplumber.open(pdf) as doc:
        return [
            (
                _norm(p.within_bbox((0, 0, p.width, 17 * MM)).extract_text() or ""),
                _norm(
                    p.within_bbox((0, p.height - 18 * MM, p.width, p.height)).extract_text() or ""
                ),
            )
            for p in doc.pages
        ]


def _body(pdf: Path) -> list[str]:
    """The text of every page inside the margins."""
    with pdfplumber.open(pdf) as doc:
        return [
            _norm(p.crop((0, 20 * MM, p.width, p.height - 22 * MM)).extract_text() or "")
            for p in doc.pages
        ]


def _starts(pdf: Path) -> list[int]:
    """1-based first pages of the book's documents, from the outline."""
    outline = _outline_pages(pdf)
    return sorted(
        outline[t] + 1
        for t in outline
        if t not in ("Title page", "Editorial conventions", "Sources", "Contents", "Index")
    )


def test_every_page_shows_its_number_and_running_head_by_the_rules(out: Path) -> None:
    pdf = out / "edition.pdf"
    bands = _bands(pdf)
    outline = _outline_pages(pdf)
    openings = {*_starts(pdf), outline["Index"] + 1}
    titles = {outline[t] + 1: t for t in outline}
    blank = [number for number, text in enumerate(_body(pdf), start=1) if not text]
    assert bands[0] == bands[1] == ("", "")  # the title page and its verso, the imprint
    head = ""
    for number, (top, bottom) in enumerate(bands[2:], start=3):
        head = titles.get(number, head)
        if number in blank:  # only before the index, which opens on a right-hand page
            assert (top, bottom) == ("", "") and number + 1 == outline["Index"] + 1
        elif number in openings:
            assert (top, bottom) == ("", str(number)), number
        elif number % 2 == 0:
            assert (top, bottom) == (f"{number} Weaving Quotas", ""), number
        else:
            assert (top, bottom) == (f"{head} {number}", ""), number
    assert any(n % 2 == 1 and n not in openings for n in range(2, len(bands) + 1))


def test_a_documents_own_pdf_is_its_part_of_the_book(out: Path) -> None:
    """The same layout (one layout serves both), the book's page numbers, and a line naming the edition."""
    book = out / "edition.pdf"
    book_body, book_bands = _body(book), _bands(book)
    starts = [*_starts(book), _outline_pages(book)["Index"] + 1]
    for (start, end), doc in zip(itertools.pairwise(starts), CHAPTERS_IN_BOOK_ORDER, strict=True):
        own = out / f"{doc}.pdf"
        length = len(PdfReader(own).pages)
        assert start + length <= end, doc
        assert _body(own) == book_body[start - 1 : start - 1 + length], doc
        bands = _bands(own)
        pages = f"p. {start}" if length == 1 else f"pp. {start}\u2013{start + length - 1}"
        assert bands[0] == (f"Weaving Quotas: A Test Dossier, {pages}", str(start)), doc
        assert bands[1:] == book_bands[start : start - 1 + length], doc
        assert PdfReader(own).page_labels[:2] == [str(start), str(start + 1)][:length]


def test_every_link_of_the_book_reaches_its_target(out: Path) -> None:
    """Contents and index lie in other parts than their targets: their links still arrive, and a link
    that shows a page number (a contents entry's, an index locator) goes to that page."""
    reader = PdfReader(out / "edition.pdf")
    dests = reader.named_destinations
    starts = _starts(out / "edition.pdf")
    numbered = 0
    with pdfplumber.open(out / "edition.pdf") as doc:
        for number, page in enumerate(reader.pages):
            for annot in page.get("/Annots") or []:
                annot = annot.get_object()
                if "/Dest" not in annot:
                    continue
                name = str(annot["/Dest"])
                target = (
                    reader.get_destination_page_number(dests[name]) + 1
                )  # KeyError: a broken link
                if re.search(r"-note-\d+(-call)?$", name):
                    continue  # a note's call and its number (tests/test_pdf_access.py)
                if name in {f"doc-{d.stem}" for d in CHAPTERS}:  # a contents entry
                    assert target in starts, name
                xa, ya, xb, yb = (float(v) for v in annot["/Rect"])
                plumb = doc.pages[number]
                box = (
                    min(xa, xb),
                    plumb.height - max(ya, yb),
                    max(xa, xb),
                    plumb.height - min(ya, yb),
                )
                if box[2] - box[0] < 1:
                    continue
                shown = re.fullmatch(
                    r"(\d+)(?:\u2013\d+)?,?", _norm(plumb.crop(box).extract_text() or "")
                )
                if shown:
                    assert int(shown.group(1)) == target, (name, shown.group(0), target)
                    numbered += 1
    assert numbered >= len(CHAPTERS) + 2 + 10  # contents entries, conventions, index, locators


def test_the_whole_print_build_is_reproducible(out: Path, tmp_path: Path) -> None:
    """With SOURCE_DATE_EPOCH fixed, the book and each document's PDF come out byte for byte the same."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        render([*DOCS, *REGISTERS], tmp_path / "again")
    for name in ("edition.pdf", "letter-han-to-o-1957-03-02.pdf", "bulletin-quotas.pdf"):
        assert (tmp_path / "again" / name).read_bytes() == (out / name).read_bytes(), name


# -- PDF structure: outline, metadata, attachments, fonts ------------------------------------------------


def test_outline_has_an_entry_per_document_pointing_at_its_first_page(out: Path) -> None:
    reader = PdfReader(out / "edition.pdf")
    top = [o for o in reader.outline if not isinstance(o, list)]
    titles = [o.title for o in top]
    front = ["Title page", "Contents", "Editorial conventions", "Sources"]
    assert titles[:4] == front and titles[-1] == "Index"
    pages = _pages(out / "edition.pdf")
    for o in top[4:-1]:
        assert o.title in pages[reader.get_destination_page_number(o)]
    assert len(top) == len(front) + len(CHAPTERS) + 1
    assert "Bulletin of Test Documents, No. 3" not in titles


def test_metadata_title_author_subject(out: Path) -> None:
    meta = PdfReader(out / "edition.pdf").metadata
    assert meta.title == "Weaving Quotas: A Test Dossier"
    assert meta.author == "Ada Editor; Bo Reviewer"
    assert "Weaving Quotas: A Test Dossier" in meta.subject
    doc = PdfReader(out / "bulletin-quotas-03.pdf").metadata
    assert doc.title == "Memorandum of Pyotr Lavrov on the Textile Mills of the Province"
    assert doc.author == "Pyotr Lavrov"
    assert doc.subject.startswith("Lavrov reports the figures of the southern mills")
    assert doc.creation_date.year == 2026  # SOURCE_DATE_EPOCH, not the clock


def test_tei_sources_are_attached_byte_for_byte(out: Path) -> None:
    attached = PdfReader(out / "edition.pdf").attachments
    assert (len(DOCS), len(REGISTERS)) == (4, 3)
    for (
        doc
    ) in DOCS:  # the compilation's listing too: it is no chapter, but it is data of the edition
        assert attached[doc.name] == [doc.read_bytes()]
    for reg in REGISTERS:
        assert attached[f"registers-{reg.name}"] == [reg.read_bytes()]
    single = PdfReader(out / "letter-han-to-o-1957-03-02.pdf").attachments
    assert list(single) == ["letter-han-to-o-1957-03-02.xml"]


def test_pdfs_declare_pdf_a_3a(out: Path) -> None:
    """PDF/A-3 at level A (tagged; tests/test_pdf_access.py checks the tree and PDF/UA-1)."""
    reader = PdfReader(out / "edition.pdf")
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part[>=\"']+3", xmp) and re.search(
        r"pdfaid:conformance[>=\"']+A", xmp
    )


def test_every_character_of_the_sources_renders_with_an_embedded_font(out: Path) -> None:
    memo = FIXTURES / "bulletin-quotas-03.xml"
    printed_text = "".join(_pages(out / "bulletin-quotas-03.pdf"))
    wanted = set(_printed_text(etree.parse(str(memo)).find(".//tei:text", TEI))) - set(" \n\t")
    assert {"ŏ", "ŭ", "Н", "Ŭ", "л", "규", "規"} <= wanted
    assert not wanted - set(printed_text), "characters lost between TEI and PDF"
    fonts = subprocess.run(
        ["pdffonts", str(out / "bulletin-quotas-03.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), "\n".join(fonts)
    assert any("CJK" in line for line in fonts) and any("Noto-Serif" in line for line in fonts)


def _tounicode(data: bytes) -> dict[int, str]:
    """CID -> text from a ToUnicode CMap (bfchar and bfrange entries)."""
    text, cids = data.decode("latin-1"), {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for src, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            cids[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for low, high, dst in re.findall(
            r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block
        ):
            for i, cid in enumerate(range(int(low, 16), int(high, 16) + 1)):
                cids[cid] = chr(int(dst, 16) + i)
    return cids


def _missing_glyphs(pdf: Path | bytes) -> list[tuple[str, str]]:
    """(font, character) for every drawn glyph that the embedded font does not have or draws empty.

    Text extraction cannot see a missing glyph (ToUnicode still maps it to the right character), so
    this opens the embedded font programs with fontTools and looks each used glyph up."""
    import io

    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    missing: list[tuple[str, str]] = []
    seen: set[int] = set()

    def fonts(resources: object) -> list[object]:
        """The fonts of a page's or form's resources, and those of the forms it draws (the folios)."""
        resources = resources.get_object() if resources is not None else {}
        found = list(resources.get("/Font", {}).values())
        for xobject in resources.get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                found.extend(fonts(xobject.get("/Resources")))
        return found

    for page in reader.pages:
        for ref in fonts(page.get("/Resources")):
            font = ref.get_object()
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            tt = TTFont(io.BytesIO(program.get_object().get_data()))
            order = tt.getGlyphOrder()
            for cid, char in _tounicode(font["/ToUnicode"].get_object().get_data()).items():
                if char.isspace():
                    continue
                if "glyf" in tt:
                    ok = 0 < cid < len(order) and tt["glyf"][order[cid]].numberOfContours != 0
                else:  # CFF, CID-keyed: glyph names are cidNNNNN
                    cff = tt["CFF "].cff
                    strings = cff[cff.fontNames[0]].CharStrings
                    name = f"cid{cid:05d}"
                    ok = cid > 0 and name in strings
                    if ok:
                        charstring = strings[name]
                        charstring.decompile()
                        ok = len(charstring.program) > 1
                if not ok:
                    missing.append((str(font["/BaseFont"]), char))
    return missing


@pytest.mark.parametrize("pdf_name", ["bulletin-quotas-03.pdf", "edition.pdf"])
def test_no_glyph_is_missing(out: Path, pdf_name: str) -> None:
    assert _missing_glyphs(out / pdf_name) == []


def test_the_glyph_check_sees_a_missing_glyph() -> None:
    """A character no installed font has (Cyrillic Extended-D, U+1E030) is reported: the check can fail."""
    from teiedit.builders.pdf.layout import PrintJob, render_pdf

    html = '<html><head><link rel="stylesheet" href="print.css"/></head><body><p>A \U0001e030 ŏ 規</p></body></html>'
    missing = _missing_glyphs(render_pdf(PrintJob("probe.pdf", html, variant=None)))
    assert [char for _, char in missing] == ["\U0001e030"]


# -- robustness -------------------------------------------------------------------------------------------


def test_registers_are_recognised_by_structure() -> None:
    assert all(is_register(etree.parse(str(r)).getroot()) for r in REGISTERS)
    assert not any(is_register(etree.parse(str(d)).getroot()) for d in DOCS)


def test_a_broken_file_is_reported_and_left_out_of_the_book(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>', encoding="utf-8")
    edition = Edition.from_files(EDITION, [DOCS[0], broken])
    assert [(Path(p.path or "").name, p.level.name) for p in edition.problems] == [
        ("broken.xml", "ERROR")
    ]
    written = PdfBuilder().build(edition, tmp_path / "pdf", BuildOptions())
    assert sorted(p.name for p in written) == sorted(["edition.pdf", DOCS[0].stem + ".pdf"])


def test_documents_cannot_make_weasyprint_fetch_anything() -> None:
    from teiedit.builders.pdf.layout import _allowed
    from teiedit.resources import css_dir

    assert _allowed((css_dir() / "print.css").resolve().as_uri())
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.css",
        "data:text/css,p{}",
        (css_dir() / ".." / "print" / "edition.xsl").resolve().as_uri(),
    ):
        assert not _allowed(url)


def test_the_html_for_weasyprint_has_no_script_or_remote_reference() -> None:
    pages = plan(Edition.from_files(EDITION, DOCS)).html()
    assert len(pages) >= len(DOCS)
    for text in pages:
        html = etree.HTML(text.encode())
        assert not html.xpath("//script | //*[@src] | //iframe")
        assert all(not h.startswith(("http", "//")) for h in html.xpath("//link/@href"))


HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hostile</title>
</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>Look <ref target="javascript:alert(1)">here</ref> and <ref target="file:///etc/passwd">there</ref>.</p>
<figure><graphic url="file:///etc/passwd"/><head>A picture</head></figure>
<p rend="x" style="background: url(file:///etc/passwd)">&lt;link rel="stylesheet" href="file:///etc/passwd"/&gt; stays text</p>
</body></text></TEI>"""


def test_a_hostile_document_cannot_make_the_pdf_read_files(tmp_path: Path) -> None:
    source = tmp_path / "hostile.xml"
    source.write_text(HOSTILE, encoding="utf-8")
    render([source], tmp_path / "pdf")
    pdf = tmp_path / "pdf" / "hostile.pdf"
    text = _norm(" ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert (
        "A picture" in text
        and '<link rel="stylesheet" href="file:///etc/passwd"/> stays text' in text
    )
    assert b"root:x:0:0" not in pdf.read_bytes()
    assert not any(page.images for page in PdfReader(pdf).pages)


def test_the_same_tei_gives_the_same_pdf_bytes() -> None:
    """With SOURCE_DATE_EPOCH fixed, a PDF is reproducible (dates of the PDF and its attachments)."""
    from teiedit.builders.pdf.layout import render_pdf

    job = plan(Edition.from_files(EDITION, [FIXTURES / "report-winter-1956-12-01.xml"])).jobs[0]
    job = type(job)(job.output, job.html, job.attachments, title=job.title, epoch=int(FIXED_EPOCH))
    assert render_pdf(job) == render_pdf(job)


def test_the_pdf_command_reports_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import run_cli

    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>", encoding="utf-8")
    code, _, err = run_cli(["pdf", str(bad), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "bad.xml" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_bad_worker_count_is_reported_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import run_cli

    monkeypatch.setenv("TEIEDIT_PDF_WORKERS", "two")
    code, _, err = run_cli(["pdf", str(DOCS[0]), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "TEIEDIT_PDF_WORKERS='two'" in err and "whole number" in err
    assert not (tmp_path / "out").exists()


# -- page images (artefacts for a human eye, not committed) ------------------------------------------------


def _page_of(pdf: Path, text: str) -> int:
    return next(i for i, t in enumerate(_pages(pdf)) if text in t) + 1


def test_page_images_for_review(out: Path) -> None:
    """Title page, a letter page and a bulletin page as PNG in tests/artifacts/ (gitignored)."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm (poppler-utils) is missing: run scripts/system-deps.sh --test")
    ARTIFACTS.mkdir(exist_ok=True)
    edition = out / "edition.pdf"
    shots = {
        "pdf-title-page": 1,
        "pdf-letter": _page_of(edition, "Dear Comrade"),
        "pdf-bulletin": _page_of(edition, "Memorandum on the textile mills"),
    }
    for name, page in shots.items():
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(edition),
                str(ARTIFACTS / name),
            ],
            check=True,
        )
        from PIL import Image

        with Image.open(ARTIFACTS / f"{name}.png") as img:
            dark = sum(img.convert("L").histogram()[:128])
        assert dark > 500, f"{name}.png looks blank"

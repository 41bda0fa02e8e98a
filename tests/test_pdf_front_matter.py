"""The print edition a reader opens, read back from the PDF: the introduction first, front matter in
readers' prose (no markup, no file names), clean text (no PDF debris, no Markdown marks, one rule for a run
of rules, an inline quotation on its line, nothing past the margin), the index by the registers' sort keys.

The book is made of the print fixtures (tests/cases/pdf/tei) and tests/cases/print/tei: an introduction
in front/, a memorandum with the shapes of damaged and marked-up text, registers with split names, a sort
key, a variant spelling that sorts elsewhere and a nested organisation.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from conftest import CASES, FIXED_EPOCH
from pypdf import PdfReader

from teiedit.builder import BuildOptions
from teiedit.builders.pdf import PdfBuilder
from teiedit.config import Editor, Settings
from teiedit.edition import Edition

pytestmark = pytest.mark.slow

MM = 72 / 25.4
PRINT = CASES / "print" / "tei"
PDF_CASES = CASES / "pdf" / "tei"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """edition.pdf of the test edition, laid out once for the module."""
    root = tmp_path_factory.mktemp("front")
    tei = root / "tei"
    shutil.copytree(PRINT, tei)
    for doc in PDF_CASES.glob("*.xml"):
        shutil.copy(doc, tei / doc.name)
    settings = Settings(
        root=root,
        title="Weaving Quotas: A Test Dossier",
        short_title="Weaving Quotas",
        publisher="Test Press",
        pub_place="Testville",
        licence="CC-BY-4.0",
        editors=(Editor(id="ed-a", name="Ada Editor", resp="general editor"),),
        tei=tei,
        registers=tei / "registers",
    )
    files = [*sorted(tei.glob("*.xml")), *sorted((tei / "registers").glob("*.xml"))]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        PdfBuilder().build(Edition.from_files(settings, files), root / "out", BuildOptions())
    return root / "out" / "edition.pdf"


def _norm(text: str) -> str:
    return " ".join(re.sub("\u2010\n", "", text).split())


def _pages(pdf: Path) -> list[str]:
    return [_norm(p.extract_text()) for p in PdfReader(pdf).pages]


def _outline(pdf: Path) -> list[tuple[str, int]]:
    reader = PdfReader(pdf)
    return [
        (o.title, reader.get_destination_page_number(o))
        for o in reader.outline
        if not isinstance(o, list)
    ]


def _front_matter(pdf: Path) -> str:
    """The text of the pages before the first document."""
    outline = dict(_outline(pdf))
    first_doc = outline["Report on the Winter Plan of the Textile Industry"]
    return " ".join(_pages(pdf)[:first_doc])


def test_the_introduction_comes_first_after_the_title_page_and_contents(book: Path) -> None:
    titles = [t for t, _ in _outline(book)]
    assert titles[:5] == [
        "Title page",
        "Contents",
        "Introduction",
        "Editorial conventions",
        "Sources",
    ]
    page = dict(_outline(book))["Introduction"]
    text = _pages(book)[page]
    assert "This dossier follows the weaving quotas of a province through one winter" in text
    assert "1. The letters are kept in the provincial archive." in text  # its note at the foot
    assert (
        text.count("Introduction") == 1
    )  # its body's head, equal to its title, is not printed again


def test_front_matter_has_no_markup_no_file_names_no_pipeline(book: Path) -> None:
    front = _front_matter(book)
    assert len(front) > 2000
    for pattern in (r"@\w", r"\[@", r'="', r"\w+\.(txt|xml)\b", r"teiedit", r"\bpdf-debris\b"):
        assert not re.search(pattern, front), pattern
    # the statements about the conversion stay in the TEI; a source without a reference says so
    assert "Converted from a plaintext" not in front
    assert "no archival or bibliographic reference for “Memorandum on the Spinning Mills”" in front


def test_front_matter_examples_are_printed_as_in_the_book(book: Path) -> None:
    front = _front_matter(book)
    assert "[damaged passage]" in front and "the mills" in front
    assert "legkaya promyshlennost" in front  # an italic example, without its asterisks
    assert "Compilation split into parts. One of its parts is printed in this book" in front


def test_debris_is_a_marked_omission_never_text(book: Path) -> None:
    text = " ".join(_pages(book))
    assert "the mills [damaged passage] were idle" in text
    for debris in ("TJ", "-120ka", "wer12(ab"):
        assert debris not in text


def test_markdown_marks_become_type_and_rules_one_break(book: Path) -> None:
    outline = dict(_outline(book))
    page_index = outline["Memorandum on the Spinning Mills"]
    text = _pages(book)[page_index]
    assert "*" not in text and "\\_" not in text and "__" not in text
    with pdfplumber.open(book) as pdf:
        page = pdf.pages[page_index]
        fonts = {w["text"]: w["fontname"] for w in page.extract_words(extra_attrs=["fontname"])}
        assert "Italic" in fonts["legkaya"] and "Bold" in fonts["Document"]
        tops = sorted(
            e["top"]
            for e in page.edges
            if e["orientation"] == "h" and 15 * MM < e["x1"] - e["x0"] < 30 * MM
        )
    rules = [
        t for i, t in enumerate(tops) if i == 0 or t - tops[i - 1] > 3
    ]  # a rule's two edges: one
    assert len(rules) == 1  # two rules of the source, one section break


def test_an_inline_quotation_runs_on_with_its_line(book: Path) -> None:
    outline = dict(_outline(book))
    with pdfplumber.open(book) as pdf:
        words = pdf.pages[outline["Memorandum on the Spinning Mills"]].extract_words()
    at = next(i for i, w in enumerate(words) if w["text"] == "sending")
    line = [w for w in words if abs(w["top"] - words[at]["top"]) < 1]
    gaps = [b["x0"] - a["x1"] for a, b in zip(line, line[1:], strict=False)]
    assert len(line) >= 6 and max(gaps) < 4, (line, gaps)  # no 6 mm margin around the quotation


def test_no_glyph_lies_outside_the_text_block(book: Path) -> None:
    with pdfplumber.open(book) as pdf:
        outside = [
            (n, c["text"])
            for n, page in enumerate(pdf.pages, start=1)
            for c in page.chars
            if c["text"].strip() and (c["x0"] < 18 * MM - 1 or c["x1"] > page.width - 18 * MM + 1)
        ]
        long_url = "".join(_norm(p.extract_text()) for p in pdf.pages)
    assert "scan-000123-000456" in long_url  # the long string is printed, broken across lines
    assert outside == []


def _index_entries(pdf: Path) -> list[str]:
    """The index's persons, one string per entry, in order (columns read left then right)."""
    outline = dict(_outline(pdf))
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[outline["Index"]]
        half, top = page.width / 2, page.search("Persons")[0]["bottom"]
        bottom = page.search("Places")[0]["top"] if page.search("Places") else page.height
        lines = [
            line["text"]
            for col in (
                page.crop((0, top, half, bottom)),
                page.crop((half, top, page.width, bottom)),
            )
            for line in col.extract_text_lines()
        ]
    return [line for line in lines if not line.startswith((" ", "Persons"))]


def test_index_sorts_persons_by_the_register_sort_key(book: Path) -> None:
    text = " ".join(_pages(book)[dict(_outline(book))["Index"] :])
    order = [
        "Anna van der Berg",  # sortKey Berg_Anna_van_der
        "Brezhnev, Leonid",  # forename written first: listed by surname, under B
        "Han Sŏ-bong",  # surname written first: as written
        "Khan So Bon, see Han Sŏ-bong",  # a spelling of the documents that sorts elsewhere
        "Lavrov, Pyotr",
        "O Kyŏng-suk",
    ]
    at = [text.find(label) for label in order]
    assert -1 not in at, dict(zip(order, at, strict=True))
    assert at == sorted(at)
    assert "Leonid Brezhnev" not in text


def test_index_nests_a_body_under_the_one_it_belongs_to(book: Path) -> None:
    text = " ".join(_pages(book)[dict(_outline(book))["Index"] :])
    union = text.index("Union of Textile Workers")
    assert text.index("Presidium of the Union", union) > union
    assert "Presidium of the Union, see Union of Textile Workers: Presidium of the Union" in text
    assert "UTW" not in text  # a registered form no document uses is not referred

"""Page numbers written into slots (builders/pdf/numbers.py): when a document grows, the contents and the
index keep their layout and only their numbers are written anew; the book then reads as a cold build of
the same TEI does. Built from the fixtures of tests/test_pdf.py, the first document of the book made
about two pages longer, then two more."""

from __future__ import annotations

import io
import itertools
import shutil
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
import test_pdf as book
from conftest import FIXED_EPOCH
from pypdf import PdfReader

from teiedit.builder import BuildOptions
from teiedit.builders.pdf import PdfBuilder
from teiedit.builders.pdf import numbers as num
from teiedit.builders.pdf.parts import Slot
from teiedit.builders.pdf.pdf_io import save_pdf
from teiedit.edition import Edition

pytestmark = pytest.mark.slow

#: The first document of the book: every page number after it moves when it grows.
FIRST = "report-winter-1956-12-01.xml"
#: About two pages of text without names (the index's entries stay the same).
LONGER = "<p>" + " ".join(["An added sentence that makes the report longer."] * 120) + "</p>"


def _build(files: list[Path], out: Path) -> list[str]:
    """Build the print edition of ``files`` into ``out``; the progress messages."""
    told: list[str] = []
    PdfBuilder().build(
        Edition.from_files(book.EDITION, files), out, BuildOptions(progress=told.append)
    )
    return told


def _longer(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    at = text.rindex("</div>")
    doc.write_text(text[:at] + LONGER + text[at:], encoding="utf-8")


def _files(tei: Path) -> list[Path]:
    return [*sorted(tei.glob("*.xml")), *sorted((tei / "registers").glob("*.xml"))]


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("numbers")
    tei = root / "tei"
    shutil.copytree(book.FIXTURES, tei)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        _longer(tei / FIRST)  # a document of a few pages already (its running heads are laid out)
        _build(_files(tei), root / "pdf")
        before = _contents(root / "pdf" / "edition.pdf")
        _longer(tei / FIRST)
        told = _build(_files(tei), root / "pdf")
        _build(_files(tei), root / "cold")
        # no slot can be filled: the contents, the index and the folios are laid out with the numbers
        with pytest.MonkeyPatch.context() as no_slots:

            def refuse(pdf: bytes, slots: object) -> bytes:
                raise num.SlotError("refused")

            def no_slot(self: num.NumberedForms, *args: object) -> object:
                raise num.SlotError("refused")

            no_slots.setattr(num, "fill_slots", refuse)
            no_slots.setattr(num.NumberedForms, "_slot", no_slot)
            _build(_files(tei), root / "exact")
    return {"root": root, "told": told, "before": before}


def _contents(pdf: Path) -> list[str]:
    """The lines of the contents that end with a page number."""
    reader = PdfReader(pdf)
    page = reader.pages[book._outline_pages(pdf)["Contents"]]
    return [line for line in (page.extract_text() or "").splitlines() if line[-1:].isdigit()]


def _index_text(pdf: Path) -> str:
    reader = PdfReader(pdf)
    return book._norm(reader.pages[book._outline_pages(pdf)["Index"]].extract_text())


def test_a_longer_document_lays_out_only_itself_again(grown: dict[str, object]) -> None:
    told = grown["told"]
    assert isinstance(told, list)
    laid = [m.removeprefix("laid out ") for m in told if m.startswith("laid out ")]
    # not the index, the front matter, the running heads, nor the first pages of the documents' own
    # PDFs, which name their pages ("pp. 9–12"): all of them only have their numbers written anew
    assert laid == [FIRST.replace(".xml", ".pdf")], laid
    root = grown["root"]
    assert isinstance(root, Path)
    after = _contents(root / "pdf" / "edition.pdf")
    # the numbers did move: the documents after the longer one start two pages later
    assert len(after) == len(grown["before"]) >= 5  # type: ignore[arg-type]
    assert after != grown["before"]


def test_the_numbers_written_in_are_those_of_a_cold_build(grown: dict[str, object]) -> None:
    root = grown["root"]
    assert isinstance(root, Path)
    kept, cold, exact = (root / name / "edition.pdf" for name in ("pdf", "cold", "exact"))
    assert _contents(kept) == _contents(cold) == _contents(exact)
    assert _index_text(kept) == _index_text(cold)
    # the folios: the same numbers and running heads on every page, stamped from templates or not
    assert book._bands(kept) == book._bands(cold) == book._bands(exact)
    assert [bottom for _, bottom in book._bands(kept)].count(
        "13"
    ) == 1  # the grown book's last page
    locators = book._index_locators(kept)
    assert locators == book._index_locators(cold) == book._index_locators(exact)
    assert sum(map(len, locators.values())) >= 12
    pages = book._pages(kept)
    names = book._index_names()
    for label, numbers in locators.items():
        for number in numbers:
            assert any(name in pages[number - 1] for name in names[label]), (label, number)


def test_links_of_written_numbers_reach_their_pages_and_say_which(grown: dict[str, object]) -> None:
    root = grown["root"]
    assert isinstance(root, Path)
    pdf = root / "pdf" / "edition.pdf"
    book.test_every_link_of_the_book_reaches_its_target(pdf.parent)
    with pikepdf.open(pdf) as doc:
        index = doc.pages[book._outline_pages(pdf)["Index"]]
        labels = [
            str(a.Contents)
            for a in index.get("/Annots") or []
            if str(a.get("/Contents", "")).startswith("Page ")
        ]
    printed = _index_text(pdf)
    assert len(labels) >= 10
    for label in labels:  # the link's description is the number written in, not the placeholder
        assert label.removeprefix("Page ") in printed, label


def test_a_slot_that_is_not_there_is_an_error_not_a_wrong_number(grown: dict[str, object]) -> None:
    root = grown["root"]
    assert isinstance(root, Path)
    data = (root / "pdf" / "edition.pdf").read_bytes()
    with pytest.raises(num.SlotError):
        num.fill_slots(data, [Slot("doc-nowhere", "01", "5", right=True)])
    assert num.fill_slots(data, []) == data


def _leaders(pdf: Path) -> list[tuple[int, float, float, float]]:
    """Each contents line that ends with leader dots and a page number: how many dots, where the last
    dot ends, where the number starts and where it ends (points from the page's left edge)."""
    found = []
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[book._outline_pages(pdf)["Contents"]]
        words = sorted(page.extract_words(), key=lambda w: (round(w["top"]), w["x0"]))
    for _, line in itertools.groupby(words, key=lambda w: round(w["top"])):
        ws = list(line)
        dots = list(itertools.takewhile(lambda w: w["text"] == ".", reversed(ws[:-1])))
        if dots and ws[-1]["text"].isdigit():
            found.append((len(dots), dots[0]["x1"], ws[-1]["x0"], ws[-1]["x1"]))
    return found


def test_leader_dots_lead_to_every_contents_number(grown: dict[str, object]) -> None:
    """The contents' leader (print.css) is drawn, up to the column of the numbers, on the first line of
    an entry as on a later one, whether the numbers were written into slots or laid out."""
    root = grown["root"]
    assert isinstance(root, Path)
    for name in ("pdf", "exact"):
        lines = _leaders(root / name / "edition.pdf")
        # every entry: the documents, the conventions, the sources, the index
        assert len(lines) == len(book.CHAPTERS) + 3, (name, lines)
        # as many as the line has room for: one after a title that nearly fills it
        assert sum(dots for dots, _, _, _ in lines) >= 20 * len(lines), (name, lines)
        # the dots end in one column and the numbers end in another, right of it
        assert max(last for _, last, _, _ in lines) - min(last for _, last, _, _ in lines) < 0.5
        assert max(end for _, _, _, end in lines) - min(end for _, _, _, end in lines) < 0.5
        assert all(0 < start - last < 30 for _, last, start, _ in lines), (name, lines)


def _first_band(pdf: Path) -> tuple[str, str]:
    """(top margin text, bottom margin text) of the first page (as test_pdf's ``_bands``)."""
    with pdfplumber.open(pdf, pages=[1]) as doc:
        page = doc.pages[0]
        top = page.within_bbox((0, 0, page.width, 17 * book.MM)).extract_text() or ""
        foot = page.within_bbox((0, page.height - 18 * book.MM, page.width, page.height))
        return book._norm(top), book._norm(foot.extract_text() or "")


def test_a_first_page_names_the_pages_its_document_moved_to(grown: dict[str, object]) -> None:
    """The head of a document's own first page ("…, pp. 9–12", written into its template's slots) and
    its number at the foot read as in a cold build and as when laid out with the numbers."""
    root = grown["root"]
    assert isinstance(root, Path)
    firsts = {
        name: [_first_band(root / name / f"{doc}.pdf") for doc in book.CHAPTERS_IN_BOOK_ORDER]
        for name in ("pdf", "cold", "exact")
    }
    assert firsts["pdf"] == firsts["cold"] == firsts["exact"]
    starts = book._starts(root / "pdf" / "edition.pdf")
    assert len(starts) == len(firsts["pdf"]) == 3
    for (head, foot), start, doc in zip(
        firsts["pdf"], starts, book.CHAPTERS_IN_BOOK_ORDER, strict=True
    ):
        last = start + len(PdfReader(root / "pdf" / f"{doc}.pdf").pages) - 1  # its own PDF's pages
        pages = f"p. {start}" if last == start else f"pp. {start}\u2013{last}"
        assert (head, foot) == (f"{book.EDITION.title}, {pages}", str(start)), doc


def test_every_job_of_templates_has_the_digits_of_its_numbers() -> None:
    """Running heads laid out as templates in several jobs (a job per 47 in a book of many documents):
    each job's PDF has fonts of its own, so each holds every digit, and every page gets its number."""
    from teiedit.builders.pdf import assembly as asm
    from teiedit.builders.pdf import folios as fol
    from teiedit.builders.pdf.layout import lay_out
    from teiedit.builders.pdf.placement import FolioList

    folios = FolioList()
    stamps = [
        folios.add(f)
        for n in range(4)
        for f in fol.section(101 + 30 * n, 3, "Short", f"Document {n}")
    ]
    stamps.append(folios.add(fol.offprint_first(191, 248, "Short")))
    jobs = folios.template_jobs(4)  # three templates and the digits a job
    assert len(jobs) == 3 and len(folios.templates) == 7
    sheets = asm.FolioSheets([], [lay_out(j).pdf for j in jobs], folios.slot, tails=folios.tails)
    blank = pikepdf.new()
    for _ in stamps:
        blank.add_blank_page(page_size=(595, 842))
    stamped = asm.stamp(save_pdf(blank), stamps, sheets)
    with pdfplumber.open(io.BytesIO(stamped)) as doc:
        read = [" ".join((p.extract_text() or "").split()) for p in doc.pages]
    assert read[:3] == ["101", "102 Short", "Document 0 103"]
    assert read[9:] == ["191", "192 Short", "Document 3 193", "Short, pp. 191–248 191"]

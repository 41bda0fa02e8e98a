"""PdfBuilder: the print edition, one PDF per document and ``edition.pdf``, the whole as a book (title
page, conventions, contents, documents in date order, index).

How it is made, in rounds, each part laid out exactly once:

1. XSLT (xslt/print, in this process) makes the book's paged HTML; builders/pdf_parts.py cuts it into the
   front matter, one part per document and the index.
2. WeasyPrint (builders/pdf_layout.py, in worker processes, one per core) lays out every document and a
   draft of the front matter. Each document's PDF is also its own PDF ("offprint"), with the TEI source
   attached. A document that is no chapter of the book (a compilation's listing) is laid out on its own.
3. Now every part's place in the book is known: the front matter is laid out again with the contents'
   page numbers, and the index with the pages on which every name was set.
4. The folios (page numbers and running heads, builders/folios.py) of all pages are laid out.
5. builders/pdf_assembly.py stamps the folios and puts the book together; a document's own PDF keeps
   the page numbers it has in the book, and says so on its first page.

So a 500-page novel costs one layout, not two, and the book is laid out on all cores.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.builders import folios as fol
from teiedit.builders.corpus import (
    EditionDoc,
    document_date,
    edition_corpus,
    is_register,  # one definition for the web and the print edition
    load_edition_docs,
)
from teiedit.builders.pdf_layout import (  # noqa: F401 -- re-exported for callers and tests
    PDF_VARIANT,
    AttachedFile,
    LaidOut,
    Layout,
    PrintJob,
    _allowed,
    render_pdf,
)
from teiedit.builders.pdf_parts import BookParts, fill_contents, fill_index, part_pages, split_book
from teiedit.config import Edition
from teiedit.document import TEI_NS
from teiedit.epoch import source_date_epoch
from teiedit.io import read_xml, staged_dir, write_atomic
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

_REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")


# -- the edition's data -----------------------------------------------------------------------------


def register_files(files: Iterable[Path], edition: Edition) -> list[Path]:
    """The register files: a ``registers`` folder beside the documents (in an edition that is
    tei/registers), else the edition's configured registers folder."""
    folders = sorted({f.resolve().parent / "registers" for f in files})
    if edition.registers.is_absolute():
        folders.append(edition.registers)
    for folder in folders:
        if folder.is_dir():
            return sorted(p for p in folder.glob("*.xml") if p.is_file())
    return []


def with_registers(corpus: etree._Element, registers: list[etree._Element]) -> etree._Element:
    """Append the registers' lists to the corpus in a ``standOff``, where edition.xsl finds the entries
    the index needs (preferred names, descriptions)."""
    stand_off = etree.SubElement(corpus, f"{{{TEI_NS}}}standOff")
    for reg in registers:
        for lst in reg.iter(*(f"{{{TEI_NS}}}{n}" for n in _REGISTER_LISTS)):
            if not any(etree.QName(a).localname in _REGISTER_LISTS for a in lst.iterancestors()):
                stand_off.append(copy.deepcopy(lst))
    return corpus


#: Where a document without a date in its header states its own date: its heading, opener or dateline
#: (a bulletin's part "Memorandum of Conversation with ..., 5 June 1956"). Only single dates (@when),
#: so an essay headed "..., 1953-1964" is not filed under 1953.
_OWN_DATE = (
    "tei:text/tei:body//*[self::tei:head or self::tei:opener or self::tei:dateline"
    " or self::tei:docDate]//tei:date/@when | tei:text/tei:body//tei:docDate/@when"
)
_ISO = re.compile(r"^\d{4}(-\d\d){0,2}$")


def print_date(root: etree._Element) -> str:
    """The date that places a document in the book: the header's (as the web edition's), else the first
    full date in its heading, opener or dateline; same rule as tp:doc-date in edition.xsl."""
    found = document_date(root)
    if found:
        return found
    for when in root.xpath(_OWN_DATE, namespaces={"tei": TEI_NS}):
        if _ISO.match(str(when).strip()):
            return str(when).strip()
    return ""


def print_order(ed: EditionDoc) -> tuple[str, str]:
    """Chronological; undated documents last, in the order of their page names."""
    return (print_date(ed.doc.root) or "9999", ed.page)


def doc_title(ed: EditionDoc) -> str:
    """The document's main title (as te:title in XSLT), for the PDF's Title."""
    stmt = "tei:teiHeader/tei:fileDesc/tei:titleStmt/"
    found = ed.doc.root.xpath(
        f"({stmt}tei:title[@type='main'] | {stmt}tei:title)[1]", namespaces={"tei": TEI_NS}
    )
    return " ".join("".join(found[0].itertext()).split()) if found else ed.page


def edition_params(edition: Edition) -> dict[str, str]:
    """teiedit.toml values for the title page and the running heads."""
    epoch = source_date_epoch()
    year = (
        dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    ).year
    return {
        "edition-title": edition.title,
        "edition-short-title": edition.short_title or edition.title,
        "edition-editors": "\n".join(
            f"{e.name}: {e.resp}" if e.resp else e.name for e in edition.editors
        ),
        "edition-publisher": edition.publisher,
        "edition-pub-place": edition.pub_place,
        "edition-licence": edition.licence,
        "edition-base-url": edition.base_url,
        "edition-year": str(year),
    }


# -- what to lay out ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Single:
    """A document with a PDF of its own but no chapter in the book (a compilation's listing, a document
    that is a teiCorpus)."""

    job: PrintJob
    running_head: str


@dataclass(frozen=True)
class PrintPlan:
    """What XSLT made: the book's parts, and a layout job for each document's own PDF."""

    book: BookParts | None
    chapter_jobs: list[PrintJob]  # in book order, one per chapter (its HTML is the chapter's part)
    singles: list[Single]
    book_attachments: tuple[AttachedFile, ...]
    edition_title: str
    edition_head: str  # the running head of left-hand pages
    epoch: int | None

    @property
    def jobs(self) -> list[PrintJob]:
        """One job per document's own PDF."""
        return [*self.chapter_jobs, *(s.job for s in self.singles)]

    def html(self) -> list[str]:
        """All the paged HTML the plan holds (for checks)."""
        book = (
            [self.book.front, *([self.book.index] if self.book.index else [])] if self.book else []
        )
        return [*book, *(j.html for j in self.jobs)]


def plan(files: list[Path], edition: Edition) -> PrintPlan:
    """Transform the TEI into paged HTML (XSLT, in this process)."""
    regs = register_files(files, edition)
    reg_paths = {p.resolve() for p in regs}
    loaded = load_edition_docs([f for f in files if f.resolve() not in reg_paths])
    docs: list[EditionDoc] = []
    registers: list[etree._Element] = [read_xml(p).getroot() for p in regs]
    for ed in loaded:
        if is_register(ed.doc.root):
            registers.append(ed.doc.root)
        else:
            docs.append(ed)
    docs.sort(key=print_order)
    params = edition_params(edition)
    epoch = source_date_epoch()
    sources = {
        ed.page: AttachedFile(
            f"{ed.page}.xml", ed.path.read_bytes(), f"TEI source of {ed.page}.pdf"
        )
        for ed in docs
    }
    book = None
    if docs:
        corpus = with_registers(edition_corpus(docs, edition), registers)
        book = split_book(
            transform(xslt_dir() / "print" / "edition.xsl", corpus, params=params).output
        )
    by_id = {f"doc-{ed.page}": ed for ed in docs}
    chapters = [c for c in (book.chapters if book else []) if c.id in by_id]
    chapter_jobs = [
        PrintJob(
            f"{by_id[c.id].page}.pdf",
            c.html,
            (sources[by_id[c.id].page],),
            title=doc_title(by_id[c.id]),
            epoch=epoch,
        )
        for c in chapters
    ]
    in_book = {c.id for c in chapters}
    singles = []
    for ed in docs:
        if f"doc-{ed.page}" in in_book:
            continue
        html = transform(
            xslt_dir() / "print" / "document.xsl",
            ed.doc.tree,
            base_uri=str(ed.path),
            params={**params, "page": ed.page},
        ).output
        singles.append(
            Single(
                PrintJob(
                    f"{ed.page}.pdf", html, (sources[ed.page],), title=doc_title(ed), epoch=epoch
                ),
                running_title(doc_title(ed)),
            )
        )
    reg_files = tuple(
        AttachedFile(f"registers-{p.name}", p.read_bytes(), f"TEI register {p.name}") for p in regs
    )
    if book is not None and len(chapters) != len(book.chapters):
        book = BookParts(book.front, book.front_sections, chapters, book.index, book.index_title)
    return PrintPlan(
        book if chapters else None,
        chapter_jobs,
        singles,
        (*(sources[ed.page] for ed in docs), *reg_files),  # the book delivers all the data
        edition.title,
        params["edition-short-title"],
        epoch,
    )


def running_title(title: str, limit: int = 70) -> str:
    """A title short enough for a running head (as tp:running-title in xslt/print/document.xsl)."""
    if len(title) <= limit:
        return title
    return re.sub(r"\s+\S*$", "", title[: limit - 2]) + " \u2026"


# -- where the parts land ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """The book's page numbers, once its parts are laid out."""

    front_pages: int
    starts: list[int]  # the first page number of each chapter
    lengths: list[int]  # the number of pages of each chapter
    index_start: int  # 0: the book has no index
    blank_before_index: bool  # the index opens on a right-hand page
    page_of: dict[str, int]  # anchor (element id) -> page number


def place(front: LaidOut, chapters: list[LaidOut], has_index: bool) -> Placement:
    front_pages = part_pages(front.anchors, front.pages)
    page_of = {a: i + 1 for a, i in front.anchors.items() if i < front_pages}
    starts, number = [], front_pages + 1
    for laid in chapters:
        starts.append(number)
        for anchor, i in laid.anchors.items():
            page_of.setdefault(anchor, number + i)
        number += laid.pages
    blank = has_index and number % 2 == 0
    index_start = (number + 1 if blank else number) if has_index else 0
    if has_index:
        page_of["index"] = index_start
    return Placement(front_pages, starts, [c.pages for c in chapters], index_start, blank, page_of)


class FolioList:
    """The folios to lay out, and for each page of each output the number of its folio (None: none)."""

    def __init__(self) -> None:
        self.folios: list[fol.Folio] = []

    def add(self, folio: fol.Folio) -> int | None:
        if folio.kind == fol.NONE:
            return None
        self.folios.append(folio)
        return len(self.folios) - 1

    def jobs(self, parts: int) -> list[PrintJob]:
        """The folios as up to ``parts`` layout jobs of about equal size, in order; their names are what
        the progress display shows."""
        size = max(1, -(-len(self.folios) // max(1, parts)))
        starts = range(0, len(self.folios), size)
        return [
            PrintJob(
                f"the page numbers and running heads ({n + 1} of {len(starts)})",
                fol.folio_html(self.folios[i : i + size]),
                variant=None,
            )
            for n, i in enumerate(starts)
        ]


def book_folios(
    p: PrintPlan, where: Placement, front: LaidOut, index_pages: int, folios: FolioList
) -> list[int | None]:
    """The folio of every page of the book, in order."""
    assert p.book is not None
    head = p.edition_head
    pages: list[int | None] = [folios.add(fol.BLANK)]  # the title page
    firsts = sorted(
        (front.anchors[i] + 1, title) for i, title in p.book.front_sections if i in front.anchors
    )
    for number in range(2, where.front_pages + 1):
        title = next((t for first, t in reversed(firsts) if first <= number), "")
        pages.append(folios.add(fol.running(number, head, title)))
    for start, length, chapter in zip(where.starts, where.lengths, p.book.chapters):
        pages.extend(folios.add(f) for f in fol.section(start, length, head, chapter.running_head))
    if where.index_start:
        if where.blank_before_index:
            pages.append(folios.add(fol.BLANK))
        pages.extend(
            folios.add(f)
            for f in fol.section(where.index_start, index_pages, head, p.book.index_title)
        )
    return pages


# -- the rounds ---------------------------------------------------------------------------------------------


def make_pdfs(
    p: PrintPlan, layout: Layout, done: Callable[[PrintJob], None] | None = None
) -> dict[str, bytes]:
    """Lay out and assemble every PDF of the plan; returns the PDFs by file name."""
    from teiedit.builders import pdf_assembly as asm

    front_draft = (
        PrintJob("the front matter (draft)", p.book.front, variant=None) if p.book else None
    )
    laid = layout.run([*p.jobs, *([front_draft] if front_draft else [])], done)
    folios = FolioList()
    out: dict[str, bytes] = {}
    book_pages: list[int | None] = []
    if p.book is not None and front_draft is not None:
        chapters = [laid[j.output] for j in p.chapter_jobs]
        front = laid[front_draft.output]
        has_index = p.book.index is not None
        for _ in range(
            3
        ):  # the contents' numbers could change the front matter's length: lay out again
            where = place(front, chapters, has_index)
            second = [
                PrintJob(
                    "the front matter",
                    fill_contents(p.book.front, where.page_of),
                    p.book_attachments,
                    title=p.edition_title,
                    epoch=p.epoch,
                )
            ]
            if p.book.index is not None:
                second.append(
                    PrintJob("the index", fill_index(p.book.index, where.page_of), variant=None)
                )
            again = layout.run(second, done)
            front = again["the front matter"]
            if part_pages(front.anchors, front.pages) == where.front_pages:
                break
        index = again.get("the index")
        index_pages = part_pages(index.anchors, index.pages) if index else 0
        book_pages = book_folios(p, where, front, index_pages, folios)
        offprint_firsts = [
            folios.add(fol.offprint_first(s, s + n - 1, p.edition_title))
            for s, n in zip(where.starts, where.lengths)
        ]
    single_pages = []
    for s in p.singles:
        n = laid[s.job.output].pages
        single_pages.append(
            [
                folios.add(fol.Folio(fol.OFFPRINT, "1", p.edition_title)),
                *(
                    folios.add(fol.running(k, p.edition_head, s.running_head))
                    for k in range(2, n + 1)
                ),
            ]
        )
    folio_jobs = folios.jobs(layout.workers)
    sheets_laid = layout.run(folio_jobs, done)
    sheets = asm.FolioSheets([sheets_laid[j.output].pdf for j in folio_jobs])
    if p.book is not None:
        parts: list[asm.Piece | None] = [asm.Piece(c.pdf, c.pages) for c in chapters]
        if where.blank_before_index:
            parts.append(asm.BLANK)
        if index is not None:
            parts.append(asm.Piece(index.pdf, index_pages))
        out["edition.pdf"] = asm.assemble(
            asm.Piece(front.pdf, where.front_pages), parts, book_pages, sheets
        )
        for job, laid_doc, start, first in zip(
            p.chapter_jobs, chapters, where.starts, offprint_firsts
        ):
            own = [first, *book_pages[start : start + laid_doc.pages - 1]]
            out[job.output] = asm.stamp(laid_doc.pdf, own, sheets, first_number=start)
    for s, own in zip(p.singles, single_pages):
        out[s.job.output] = asm.stamp(laid[s.job.output].pdf, own, sheets)
    return out


class PdfBuilder:
    name = "pdf"

    def build(
        self, files: list[Path], out_dir: Path, edition: Edition, progress: object | None = None
    ) -> list[Path]:
        def done(job: PrintJob) -> None:
            if callable(progress):
                progress(f"laid out {job.output}")

        with Layout() as layout:  # first: a bad TEIEDIT_PDF_WORKERS stops before any work
            p = plan(files, edition)
            pdfs = make_pdfs(p, layout, done)
        written: list[Path] = []
        with staged_dir(out_dir) as tmp:
            for name in [
                *(["edition.pdf"] if "edition.pdf" in pdfs else []),
                *(j.output for j in p.jobs),
            ]:
                write_atomic(tmp / name, pdfs[name])
                written.append(out_dir / name)
        return written

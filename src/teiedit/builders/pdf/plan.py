"""What to lay out: the book's paged HTML cut into parts, and the documents printed on their own."""

from __future__ import annotations

from dataclasses import dataclass

from teiedit.builders.corpus import edition_corpus
from teiedit.builders.pdf.chunks import mark_long
from teiedit.builders.pdf.edition_data import edition_params, with_registers
from teiedit.builders.pdf.front import front_attachments, with_front
from teiedit.builders.pdf.layout import AttachedFile, PrintJob
from teiedit.builders.pdf.parts import BookParts, split_book
from teiedit.builders.rendering import rendering
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS
from teiedit.edition import Edition, EditionDoc
from teiedit.epoch import source_date_epoch
from teiedit.facts import facts_document
from teiedit.front_matter import front_files
from teiedit.resources import xslt_dir
from teiedit.xslt import transform

#: The largest document the print edition lays out: its text may hold at most this many elements and
#: characters. Layout costs memory in proportion (about 35 MB per thousand paragraphs in WeasyPrint), so a
#: document far beyond a long novel (8,000 elements, 0.9 MB, 490 pages) is refused with a reason at once
#: instead of running out of memory hours later. The web edition has no such limit (it is linear).
MAX_PRINT_ELEMENTS = 50_000
MAX_PRINT_CHARACTERS = 5_000_000


def refuse_oversized(ed: EditionDoc) -> None:
    """Refuse a document the print edition cannot lay out (see :data:`MAX_PRINT_ELEMENTS`)."""
    text = ed.doc.root.find(f"{{{TEI_NS}}}text")
    if text is None:
        return
    elements = sum(1 for _ in text.iter())
    characters = sum(len(t) for t in text.itertext())
    if elements > MAX_PRINT_ELEMENTS or characters > MAX_PRINT_CHARACTERS:
        raise TeieditError(
            f"the document is too large for the print edition: {elements:,} elements and "
            f"{characters:,} characters in its text (the limit is {MAX_PRINT_ELEMENTS:,} elements "
            f"and {MAX_PRINT_CHARACTERS:,} characters)",
            ed.path,
            hint="split it into several documents, or build the web edition only (--no-pdf)",
        )


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


def print_order(ed: EditionDoc) -> tuple[str, str]:
    """Chronological by the document's sort date; undated documents last, in the order of their pages."""
    return (ed.facts.sort_date or "9999", ed.page)


def doc_title(ed: EditionDoc) -> str:
    """The document's title (its page name when it has none), for the PDF's Title."""
    return ed.facts.title or ed.page


def plan(edition: Edition) -> PrintPlan:
    """Transform the TEI into paged HTML (XSLT, in this process)."""
    settings = edition.settings
    docs = sorted(edition.documents(), key=print_order)
    for ed in docs:
        refuse_oversized(ed)
    params = edition_params(settings)
    epoch = source_date_epoch()
    sources = {
        ed.page: AttachedFile(
            f"{ed.page}.xml", ed.path.read_bytes(), f"TEI source of {ed.page}.pdf"
        )
        for ed in docs
    }
    book = None
    fronts = front_files(settings)
    if docs:
        corpus, known = edition_corpus(docs, settings)
        corpus = with_front(with_registers(corpus, edition.registers.roots), fronts)
        facts = facts_document(corpus, known)
        book = split_book(
            transform(
                xslt_dir() / "print" / "edition.xsl",
                corpus,
                params=params,
                facts=facts,
                static=rendering(settings).static,
            ).output
        )
    by_id = {f"doc-{ed.page}": ed for ed in docs}
    chapters = [c for c in (book.chapters if book else []) if c.id in by_id]
    chapter_jobs = [
        PrintJob(
            f"{by_id[c.id].page}.pdf",
            mark_long(c.html),
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
            facts=facts_document(ed.root, {ed.root: ed.facts}),
            static=rendering(settings).static,
        ).output
        singles.append(
            Single(
                PrintJob(
                    f"{ed.page}.pdf",
                    mark_long(html),
                    (sources[ed.page],),
                    title=doc_title(ed),
                    epoch=epoch,
                ),
                ed.facts.running_title,
            )
        )
    reg_files = tuple(
        AttachedFile(f"registers-{p.name}", p.read_bytes(), f"TEI register {p.name}")
        for p in edition.registers.files
    )
    if book is not None and len(chapters) != len(book.chapters):
        book = BookParts(book.front, book.front_sections, chapters, book.index, book.index_title)
    return PrintPlan(
        book if chapters else None,
        chapter_jobs,
        singles,
        # the book delivers all the data
        (*front_attachments(fronts), *(sources[ed.page] for ed in docs), *reg_files),
        settings.title,
        params["edition-short-title"],
        epoch,
    )

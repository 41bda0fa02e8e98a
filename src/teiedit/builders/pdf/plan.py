"""What to lay out: the book's paged HTML cut into parts, and the documents printed on their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import EditionDoc, edition_corpus, is_register, load_edition_docs
from teiedit.builders.pdf.edition_data import (
    doc_title,
    edition_params,
    print_order,
    register_files,
    with_registers,
)
from teiedit.builders.pdf.layout import AttachedFile, PrintJob
from teiedit.builders.pdf.parts import BookParts, split_book
from teiedit.builders.rendering import rendering
from teiedit.config import Edition
from teiedit.epoch import source_date_epoch
from teiedit.io import read_xml
from teiedit.resources import xslt_dir
from teiedit.xslt import transform


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
            transform(
                xslt_dir() / "print" / "edition.xsl",
                corpus,
                params=params,
                static=rendering(edition).static,
            ).output
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
            static=rendering(edition).static,
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

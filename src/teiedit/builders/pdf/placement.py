"""Where the parts land in the book, and the folios (page numbers, running heads) of every page."""

from __future__ import annotations

from dataclasses import dataclass

from teiedit.builders.pdf import folios as fol
from teiedit.builders.pdf.layout import LaidOut, PrintJob
from teiedit.builders.pdf.parts import part_pages
from teiedit.builders.pdf.plan import PrintPlan


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


#: Folios per layout job.
FOLIO_JOB = 48


class FolioList:
    """The folios to lay out, and for each page of each output the number of its folio (None: none)."""

    def __init__(self) -> None:
        self.folios: list[fol.Folio] = []

    def add(self, folio: fol.Folio) -> int | None:
        if folio.kind == fol.NONE:
            return None
        self.folios.append(folio)
        return len(self.folios) - 1

    def jobs(self, size: int = 0) -> list[PrintJob]:
        """The folios as layout jobs of ``size`` folios each (FOLIO_JOB), in order. The size is fixed,
        not derived from the number of processes: a job's PDF (its font subsets) depends on the folios
        it holds, and the book's bytes must not depend on how many processes laid it out. The names
        are what the progress display shows."""
        size = size or FOLIO_JOB
        starts = range(0, len(self.folios), size)
        return [
            PrintJob(
                f"the page numbers and running heads ({n + 1} of {len(starts)})",
                fol.folio_html(self.folios[i : i + size]),
                variant=None,
                tagged=False,  # stamped on the pages as artefacts (pagination), not content
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
        if front.anchors.get("imprint") == number - 1:  # the title page's verso carries no folio
            pages.append(folios.add(fol.BLANK))
            continue
        title = next((t for first, t in reversed(firsts) if first <= number), "")
        pages.append(folios.add(fol.running(number, head, title)))
    for start, length, chapter in zip(where.starts, where.lengths, p.book.chapters, strict=True):
        pages.extend(folios.add(f) for f in fol.section(start, length, head, chapter.running_head))
    if where.index_start:
        if where.blank_before_index:
            pages.append(folios.add(fol.BLANK))
        pages.extend(
            folios.add(f)
            for f in fol.section(where.index_start, index_pages, head, p.book.index_title)
        )
    return pages

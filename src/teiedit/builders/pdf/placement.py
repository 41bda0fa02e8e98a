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
    """The folios to lay out, and what is stamped on each page of each output (None: nothing). A
    running head's page (verso, recto, opening) is stamped from a template laid out once per head and
    kind with its number written in (:data:`folios.ALIGN`); other folios are laid out as they are."""

    def __init__(self) -> None:
        self.folios: list[fol.Folio] = []
        #: (kind, head, how many pages the head names) -> template, in order of use
        self.templates: dict[tuple[str, str, int], int] = {}
        self.digits = 1  # of the widest number a template is stamped with
        #: (template, number, pages) -> its folio laid out as it is, when a template cannot be stamped
        self.numbered: dict[tuple[int, str, tuple[str, ...]], int] = {}

    def add(self, folio: fol.Folio) -> fol.Stamp | None:
        if folio.kind == fol.NONE:
            return None
        align = fol.ALIGN.get(folio.kind)
        numbers = (folio.number, *folio.pages)
        if align and all(n.isdigit() for n in numbers):
            key = (folio.kind, folio.head, len(folio.pages))
            index = self.templates.setdefault(key, len(self.templates))
            self.digits = max(self.digits, *map(len, numbers))
            self.numbered.setdefault((index, folio.number, folio.pages), len(self.numbered))
            return fol.Stamp(index, True, folio.number, align, folio.pages)
        self.folios.append(folio)
        return fol.Stamp(len(self.folios) - 1)

    @property
    def slot(self) -> str:
        """The placeholder the templates are laid out with: as wide as the widest number."""
        return "0" * self.digits

    @property
    def tails(self) -> list[str]:
        """What each template's head ends with where it names pages (slots: ``pp. 000–000``), else
        ""."""
        return [fol.page_range((self.slot,) * n) if n else "" for _, _, n in self.templates]

    def template_jobs(self, size: int = 0) -> list[PrintJob]:
        """The templates as layout jobs of ``size`` pages (see :meth:`jobs`), each ending with a page
        with every digit (in the head's font too when a head names pages): a job's PDF has fonts of
        its own, and each must have the glyphs of every number written into its templates."""
        pages = [
            fol.Folio(kind, self.slot, head, (self.slot,) * n) for kind, head, n in self.templates
        ]
        digits = (
            fol.Folio(fol.OFFPRINT, fol.DIGITS, fol.DIGITS)
            if any(n for _, _, n in self.templates)
            else fol.Folio(fol.OPENING, fol.DIGITS)
        )
        per = max(1, (size or FOLIO_JOB) - 1)
        chunks = [[*pages[i : i + per], digits] for i in range(0, len(pages), per)]
        return [
            PrintJob(
                f"the running heads ({n + 1} of {len(chunks)})",
                fol.folio_html(chunk),
                variant=None,
                tagged=False,  # stamped on the pages as artefacts (pagination), not content
            )
            for n, chunk in enumerate(chunks)
        ]

    def numbered_jobs(self, size: int = 0) -> list[PrintJob]:
        """Every (template, number) stamped, as a folio laid out as it is (see :attr:`numbered`)."""
        heads = list(self.templates)  # (kind, head, pages) of each template
        pages = [
            fol.Folio(heads[t][0], number, heads[t][1], named) for t, number, named in self.numbered
        ]
        return _jobs(pages, size, "the page numbers and running heads, numbered")

    def jobs(self, size: int = 0) -> list[PrintJob]:
        """The folios laid out as they are, as layout jobs of ``size`` folios each (FOLIO_JOB), in order.
        The size is fixed, not derived from the number of processes: a job's PDF (its font subsets)
        depends on the folios it holds, and the book's bytes must not depend on how many processes laid
        it out. The names are what the progress display shows."""
        return _jobs(self.folios, size, "the page numbers and running heads")


def _jobs(folios: list[fol.Folio], size: int, what: str) -> list[PrintJob]:
    size = size or FOLIO_JOB
    starts = range(0, len(folios), size)
    return [
        PrintJob(
            f"{what} ({n + 1} of {len(starts)})",
            fol.folio_html(folios[i : i + size]),
            variant=None,
            tagged=False,  # stamped on the pages as artefacts (pagination), not content
        )
        for n, i in enumerate(starts)
    ]


def book_folios(
    p: PrintPlan, where: Placement, front: LaidOut, index_pages: int, folios: FolioList
) -> list[fol.Stamp | None]:
    """The folio of every page of the book, in order."""
    assert p.book is not None
    head = p.edition_head
    pages: list[fol.Stamp | None] = [folios.add(fol.BLANK)]  # the title page
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

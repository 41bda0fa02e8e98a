"""The rounds of the print edition: lay out every part once, place them, lay out the folios, assemble."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from teiedit.builder import digest
from teiedit.builders.pdf import chunks
from teiedit.builders.pdf import folios as fol
from teiedit.builders.pdf.cache import PartCache
from teiedit.builders.pdf.layout import LaidOut, Layout, PrintJob
from teiedit.builders.pdf.parts import Slot, fill_contents, fill_index, part_pages
from teiedit.builders.pdf.placement import FolioList, book_folios, place
from teiedit.builders.pdf.plan import PrintPlan


def make_pdfs(
    p: PrintPlan,
    layout: Layout,
    done: Callable[[PrintJob], None] | None = None,
    cache: PartCache | None = None,
) -> dict[str, bytes]:
    """Lay out and assemble every PDF of the plan; returns the PDFs by file name. With ``cache``, the
    parts laid out by an earlier build from the same HTML are taken from it."""
    parts_cache = cache or PartCache(None, "")
    from teiedit.builders.pdf import assembly as asm  # pikepdf is loaded only when PDFs are made
    from teiedit.builders.pdf.numbers import SlotError

    front_draft = (
        PrintJob("the front matter (draft)", p.book.front, variant=None, tagged=False)
        if p.book
        else None
    )
    laid = chunks.run(parts_cache, layout, [*p.jobs, *([front_draft] if front_draft else [])], done)
    folios = FolioList()
    out: dict[str, bytes] = {}
    book_pages: list[fol.Stamp | None] = []
    if p.book is not None and front_draft is not None:
        chapters = [laid[j.output] for j in p.chapter_jobs]
        front = laid[front_draft.output]
        has_index = p.book.index is not None
        # The contents and the index are laid out with a slot as wide as the book's widest page number
        # for each number (builders/pdf/numbers.py writes the numbers in): their layout is kept while
        # only the numbers move. Where a slot cannot be filled, they are laid out with the numbers.
        slotted = True
        for attempt in range(5):  # the contents' numbers could change the front matter's length
            where = place(front, chapters, has_index)
            digits = len(str(max(where.page_of.values(), default=1))) if slotted else 0
            front_html, front_slots = fill_contents(p.book.front, where.page_of, digits)
            second = [
                PrintJob("the front matter", front_html, title=p.edition_title, epoch=p.epoch)
            ]
            index_slots: list[Slot] = []
            if p.book.index is not None:
                index_html, index_slots = fill_index(
                    p.book.index, where.page_of, digits, where.starts
                )
                second.append(PrintJob("the index", index_html, variant=None))
            # small_here: after a change, a short front matter and index are laid out faster in this
            # process than workers can start
            again = parts_cache.run(layout, second, done, small_here=True)
            front = again["the front matter"]
            if part_pages(front.anchors, front.pages) != where.front_pages and attempt < 3:
                continue
            try:
                front = _filled(front, front_slots, parts_cache)
                if "the index" in again:
                    again["the index"] = _filled(again["the index"], index_slots, parts_cache)
                break
            except SlotError:
                if not slotted:
                    raise  # with the numbers themselves there is nothing to fill: a bug
                slotted = False
        index = again.get("the index")
        index_pages = part_pages(index.anchors, index.pages) if index else 0
        book_pages = book_folios(p, where, front, index_pages, folios)
        offprint_firsts = [
            folios.add(fol.offprint_first(s, s + n - 1, p.edition_title))
            for s, n in zip(where.starts, where.lengths, strict=True)
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
    folio_jobs, templates = folios.jobs(), folios.template_jobs()
    sheets_laid = parts_cache.run(layout, [*templates, *folio_jobs], done, small_here=True)
    try:
        sheets = asm.FolioSheets(
            [sheets_laid[j.output].pdf for j in folio_jobs],
            [sheets_laid[j.output].pdf for j in templates],
            folios.slot,
            tails=folios.tails,
        )
    except SlotError:  # a template without a slot: every numbered running head laid out as it is
        numbered = folios.numbered_jobs()
        sheets_laid.update(parts_cache.run(layout, numbered, done, small_here=True))
        templates = numbered
        sheets = asm.FolioSheets(
            [sheets_laid[j.output].pdf for j in folio_jobs],
            numbered=[sheets_laid[j.output].pdf for j in numbered],
            numbered_at=folios.numbered,
        )
    sheets_key = digest(
        folios.slot, *(sheets_laid[j.output].pdf for j in [*templates, *folio_jobs])
    )

    def own_pdf(name: str, pdf: bytes, own: list[fol.Stamp | None], first: int) -> bytes:
        """A document's own PDF: its part stamped, its TEI attached; kept while all of that is the
        same (a document before it that grew moved its numbers; one after it did not)."""
        files = p.attachments[name]
        made_of = repr(
            (
                own,
                first,
                [(f.name, f.description, digest(f.data)) for f in files],
                p.epoch,
                sheets_key,
            )
        )

        def make(data: bytes) -> bytes:
            return asm.stamp(data, own, sheets, first_number=first, files=files, epoch=p.epoch)

        return parts_cache.derived(LaidOut(name, pdf, 0, {}), made_of, make).pdf

    if p.book is not None:
        parts: list[asm.Piece | None] = [asm.Piece(c.pdf, c.pages) for c in chapters]
        if where.blank_before_index:
            parts.append(asm.BLANK)
        if index is not None:
            parts.append(asm.Piece(index.pdf, index_pages))
        out["edition.pdf"] = asm.assemble(
            asm.Piece(front.pdf, where.front_pages),
            parts,
            book_pages,
            sheets,
            files=p.book_attachments,
            epoch=p.epoch,
        )
        for job, laid_doc, start, first in zip(
            p.chapter_jobs, chapters, where.starts, offprint_firsts, strict=True
        ):
            own = [first, *book_pages[start : start + laid_doc.pages - 1]]
            out[job.output] = own_pdf(job.output, laid_doc.pdf, own, start)
    for s, own in zip(p.singles, single_pages, strict=True):
        out[s.job.output] = own_pdf(s.job.output, laid[s.job.output].pdf, own, 1)
    return out


def _filled(laid: LaidOut, slots: Sequence[Slot], cache: PartCache) -> LaidOut:
    """The part with the page numbers written into its slots (raises numbers.SlotError); kept, so a
    build that moves no number does not write them again."""
    from teiedit.builders.pdf.numbers import fill_slots

    if not slots:
        return laid
    return cache.derived(laid, repr(list(slots)), lambda pdf: fill_slots(pdf, slots))

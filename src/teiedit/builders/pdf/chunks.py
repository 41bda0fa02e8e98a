"""Long documents laid out in chunks, on all cores, and joined into one laid-out part.

One WeasyPrint layout runs on one core, so a 490-page novel laid out as one job would set the wall time
of the whole print build. A long document (its paged HTML over :data:`LONG` characters) is therefore
printed as a book prints a novel: each top-level division of its body (a chapter) starts on a new page
(``article.long-text`` in print.css). Those page breaks are where it is cut: each chunk is the document's
HTML with only a run of its divisions (the first chunk keeps the heading block and what comes before
the body, the last one what comes after it), laid out as a job of its own, and the chunks' PDFs are
joined in order (builders/pdf/assembly.py: pages, named destinations, outline, structure tree). Because
every cut is a forced page break of the single layout too, the chunks give the same pages, and the
anchors of the joined part are the chunks' anchors moved by the pages before them. The marking and the
cuts depend on the HTML alone, never on the number of processes, so the bytes do not either.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml import etree

from teiedit.builders.pdf.cache import PartCache
from teiedit.builders.pdf.layout import LaidOut, Layout, PrintJob
from teiedit.builders.pdf.parts import html_text, parse_html, part_pages, with_link_sink

#: A document whose paged HTML is longer than this is a long text (about 50 pages).
LONG = 150_000
#: The HTML characters of a chunk, at least (about 80 pages; a chunk is a run of whole divisions). Each
#: chunk costs a layout's fixed work again (the style sheet, fonts): a 490-page novel in 37 chunks of
#: 120,000 characters came to 37 layouts' fixed work; in 6 chunks it took no more CPU than one layout
#: (benchmarks/pdf.py: 26.8 s against 29.9 s).
CHUNK = 240_000
#: The class print.css gives a long text (each top-level division of its body on a new page).
LONG_CLASS = "long-text"

_BODY = "(//article[contains(concat(' ', @class, ' '), ' document ')]//div[@class='tei-body'])[1]"


def mark_long(html: str, long: int = LONG) -> str:
    """``html`` with its document marked as a long text when it is one (see :data:`LONG`)."""
    if len(html) <= long:
        return html
    doc = parse_html(html)
    article = doc.xpath("//article[contains(concat(' ', @class, ' '), ' document ')]")
    if not article:
        return html
    article[0].set("class", f"{article[0].get('class')} {LONG_CLASS}")
    return html_text(doc)


def _divisions(body: etree._Element) -> list[int]:
    """The positions among the body's children of its top-level divisions (where a page breaks)."""
    return [
        i
        for i, child in enumerate(body)
        if child.tag == "section" and "tei-div" in (child.get("class") or "").split()
    ]


def split_job(job: PrintJob, chunk: int = CHUNK) -> list[PrintJob]:
    """The chunks of a long text's job, in order; ``[job]`` for any other job."""
    if LONG_CLASS not in job.html:
        return [job]
    doc = parse_html(job.html)
    found = doc.xpath(_BODY)
    classes = found[0].xpath("string(ancestor::article[1]/@class)").split() if found else []
    if LONG_CLASS not in classes:
        return [job]
    body = found[0]
    children = list(body)
    sizes = [len(etree.tostring(c, encoding="unicode")) for c in children]
    cuts = [0]
    size = 0
    for i in _divisions(body)[1:]:
        size = sum(sizes[cuts[-1] : i])
        if size >= chunk:
            cuts.append(i)
    if sum(sizes[cuts[-1] :]) < chunk // 2 and len(cuts) > 1:
        cuts.pop()  # a short last run goes with the one before it
    if len(cuts) < 2:
        return [job]
    bounds = list(zip(cuts, [*cuts[1:], len(children)], strict=True))
    jobs = []
    for n, (start, end) in enumerate(bounds):
        part = _chunk(doc, start, end, first=n == 0, last=n == len(bounds) - 1)
        jobs.append(
            PrintJob(
                f"{job.output} (part {n + 1} of {len(bounds)})",
                html_text(with_link_sink(part)),
                title=job.title,
                variant=job.variant,
                epoch=job.epoch,
                tagged=job.tagged,
            )
        )
    return jobs


def _chunk(doc: etree._Element, start: int, end: int, first: bool, last: bool) -> etree._Element:
    """A copy of ``doc`` whose document holds only the body's children ``start`` to ``end``, and what
    comes before the body (first chunk) or after it (last chunk)."""
    part = copy.deepcopy(doc)
    body = part.xpath(_BODY)[0]
    for child in list(body)[end:]:
        body.remove(child)
    for child in list(body)[:start]:
        body.remove(child)
    if start:
        body.text = None
    article = body.xpath("ancestor::article[1]")[0]
    node = body
    while node is not article:
        parent = node.getparent()
        at = parent.index(node)
        if not first:
            for sibling in list(parent)[:at]:
                parent.remove(sibling)
            parent.text = None
        if not last:
            for sibling in list(parent)[parent.index(node) + 1 :]:
                parent.remove(sibling)
        node = parent
    return part


def join(output: str, chunks: list[LaidOut]) -> LaidOut:
    """One laid-out part from its chunks' (pages, anchors, PDF)."""
    from teiedit.builders.pdf import assembly as asm

    anchors: dict[str, int] = {}
    offset = 0
    pieces = []
    for laid in chunks:
        pages = part_pages(laid.anchors, laid.pages)
        for anchor, page in laid.anchors.items():
            if page < pages:
                anchors.setdefault(anchor, offset + page)
        pieces.append(asm.Piece(laid.pdf, pages))
        offset += pages
    pdf = asm.assemble(pieces[0], pieces[1:], [], asm.FolioSheets([]), nest=True)
    return LaidOut(output, pdf, offset, anchors)


def run(
    cache: PartCache,
    layout: Layout,
    jobs: Iterable[PrintJob],
    done: Callable[[PrintJob], None] | None = None,
) -> dict[str, LaidOut]:
    """Lay out ``jobs`` (the long texts in chunks, all in one round); results by the jobs' names."""
    split = {job.output: split_job(job) for job in jobs}
    laid = cache.run(layout, [c for chunks in split.values() for c in chunks], done)
    return {
        name: laid[chunks[0].output]
        if len(chunks) == 1
        else join(name, [laid[c.output] for c in chunks])
        for name, chunks in split.items()
    }

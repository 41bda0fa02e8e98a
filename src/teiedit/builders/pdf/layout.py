"""Layout: paged HTML to PDF with WeasyPrint. The only module that imports WeasyPrint.

Every part of the print edition (the front matter, each document, the index, the running heads) is laid
out here, in worker processes (see :class:`Layout`). A part is laid out once; the book and the
per-document PDFs are put together from the results by :mod:`teiedit.builders.pdf.assembly`, so the
layout reports what the assembly needs besides the PDF: how many pages, and on which page every
``id`` (anchor) landed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Self

from teiedit.builders.pdf.breaks import allow_breaks
from teiedit.builders.pdf.tagging import install_tagging
from teiedit.diagnostics import TeieditError
from teiedit.resources import css_dir

if TYPE_CHECKING:  # at run time WeasyPrint is imported where it is used (slow to import)
    import weasyprint

    from teiedit.workers import Workers

#: The archival PDF profile that allows attachments, at level A (accessible: tagged, every character
#: mapped to Unicode). WeasyPrint declares one profile; the assembly adds PDF/UA-1's declaration to the
#: same file (builders/pdf/assembly.py), which both standards allow. ``None`` writes a plain PDF 1.7.
PDF_VARIANT: str | None = "pdf/a-3a"

#: A later round (``small_here``: the front matter, the index and the folios that a changed document's
#: length moved) with less paged HTML than this in all (well under two seconds of layout) is laid out in
#: this process when no worker process runs yet: starting workers (each a new interpreter importing
#: WeasyPrint) would cost more CPU than the layout, and on two cores no less wall time. So is the first
#: round of a small edition, unless the number of processes was chosen (``--jobs``, TEIEDIT_PDF_WORKERS):
#: two documents laid out on two new workers took 2.7-3.3 s of CPU, in this process 1.4 s.
SMALL_ROUND = 300_000


@dataclass(frozen=True)
class PrintJob:
    """One part to lay out: the paged HTML, the PDF's title and dates. Picklable, so it can go to a
    worker. Nothing is attached here: the assembly attaches the TEI (builders/pdf/attached.py)."""

    output: str
    html: str
    title: str = ""
    variant: str | None = PDF_VARIANT
    epoch: int | None = None
    #: A structure tree (tagged PDF) for readers that read aloud; the folios are stamped as artefacts.
    tagged: bool = True


@dataclass(frozen=True)
class LaidOut:
    """A laid-out part: the PDF, its page count, and the 0-based page of each anchor (element id)."""

    output: str
    pdf: bytes
    pages: int
    anchors: dict[str, int] = field(default_factory=dict)


def _allowed(url: str) -> bool:
    """Only teiedit's own CSS may be loaded: TEI can never make WeasyPrint read or fetch anything else
    (no network, no local file named in a document)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme != "file":
        return False
    path = Path(unquote(parsed.path)).resolve()
    return path.parent == css_dir().resolve() and path.suffix == ".css"


def _url_fetcher() -> weasyprint.URLFetcher:
    """A URL fetcher that loads teiedit's CSS and refuses everything else."""
    import weasyprint

    # weasyprint has no type information: its URLFetcher is Any to mypy, and subclassing Any is flagged
    class CssOnlyFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(
            self, url: str, headers: dict[str, str] | None = None
        ) -> weasyprint.URLFetcherResponse:
            if not _allowed(url):
                raise ValueError(f"teiedit does not load {url!r} into a PDF")
            return super().fetch(url, headers)

    return CssOnlyFetcher()


def lay_out(job: PrintJob) -> LaidOut:
    """Lay out one part with WeasyPrint and write it as a PDF (runs in a worker process)."""
    import weasyprint

    install_tagging()

    when = dt.datetime.fromtimestamp(job.epoch, dt.UTC) if job.epoch is not None else None
    document = weasyprint.HTML(
        string=allow_breaks(job.html), base_url=str(css_dir()) + "/", url_fetcher=_url_fetcher()
    ).render()
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, number)
    if job.title:
        document.metadata.title = job.title
    if when is not None:
        document.metadata.created = document.metadata.modified = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    data = bytes(document.write_pdf(pdf_variant=job.variant, pdf_tags=job.tagged))
    return LaidOut(job.output, data, len(document.pages), anchors)


def render_pdf(job: PrintJob) -> bytes:
    """The PDF of one part, as WeasyPrint writes it (no running heads: those are stamped later)."""
    return lay_out(job).pdf


class LayoutFailed(TeieditError):
    """WeasyPrint failed on one part: ``output`` names it (a document's PDF, or a chunk of one)."""

    def __init__(self, output: str, reason: str) -> None:
        super().__init__(f"WeasyPrint could not lay out {output}: {reason}", output)
        self.output, self.reason = output, reason

    def __reduce__(self) -> tuple[type[LayoutFailed], tuple[str, str]]:
        return LayoutFailed, (self.output, self.reason)  # raised in a worker, re-raised here


def _lay_out_or_explain(job: PrintJob) -> LaidOut:
    try:
        return lay_out(job)
    except Exception as exc:  # noqa: BLE001 -- WeasyPrint raises many kinds; name the PDF that failed
        raise LayoutFailed(job.output, f"{type(exc).__name__}: {exc}") from None


def default_workers() -> int:
    """One worker per core, unless TEIEDIT_PDF_WORKERS says otherwise."""
    value = os.environ.get("TEIEDIT_PDF_WORKERS", "").strip()
    if value and not (value.isdigit() and int(value) > 0):
        raise TeieditError(
            f"TEIEDIT_PDF_WORKERS={value!r} is not a number of processes",
            hint="set it to a whole number such as 1 or 2, or unset it to use one per core",
        )
    from teiedit.workers import cores

    return int(value) if value else cores()


class Layout:
    """Lays out jobs on the given workers (teiedit.workers: this machine's cores, or a cluster), or in
    a pool of its own. One pool serves all the rounds of a build (documents, then front matter and
    index, then running heads), so WeasyPrint is imported once per worker. Use as a context manager."""

    def __init__(self, workers: int | None = None, pool: Workers | None = None) -> None:
        from teiedit.workers import Workers

        if pool is None or (workers is not None or os.environ.get("TEIEDIT_PDF_WORKERS")):
            # the number of processes was chosen here or by TEIEDIT_PDF_WORKERS
            self.chosen = workers is not None or bool(os.environ.get("TEIEDIT_PDF_WORKERS"))
            pool = Workers(jobs=default_workers() if workers is None else workers)
            self._own = True
        else:
            self.chosen = bool(pool.jobs or pool.cluster)  # --jobs N, or a cluster
            self._own = False
        self.pool = pool
        self.workers = pool.count

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own:
            # interrupted or failed: the pool drops the queued jobs rather than lay them out first
            self.pool.__exit__(*exc)

    def run(
        self,
        jobs: Iterable[PrintJob],
        done: Callable[[PrintJob], None] | None = None,
        small_here: bool = False,
    ) -> dict[str, LaidOut]:
        """Lay out all jobs, longest first (so the workers finish together); results by output name.
        With ``small_here``, or when the number of processes was not chosen, a small round is laid out
        in this process (see :data:`SMALL_ROUND`)."""
        ordered = sorted(jobs, key=lambda j: len(j.html), reverse=True)
        results: dict[str, LaidOut] = {}

        def receive(laid: LaidOut) -> None:
            results[laid.output] = laid
            if done is not None:
                done(by_name[laid.output])

        by_name = {j.output: j for j in ordered}
        small = (
            (small_here or not self.chosen)
            and not self.pool.started
            and sum(len(j.html) for j in ordered) < SMALL_ROUND
        )
        threshold = len(ordered) + 1 if small else 2
        self.pool.each(_lay_out_or_explain, ordered, receive, chunk=1, threshold=threshold)
        return results

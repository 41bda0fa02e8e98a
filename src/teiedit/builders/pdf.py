"""PdfBuilder: the print edition. The only module that imports WeasyPrint.

xslt/print turns TEI into paged HTML (it imports the web stylesheets and overrides what differs);
WeasyPrint lays it out with the CSS Paged Media rules in xslt/css/print.css. The builder writes one PDF
per document and ``edition.pdf`` (title page, conventions, contents, documents, index).

Saxon runs in this process (its compiled stylesheets are cached here); the layout, which takes nearly all
the time, runs in a pool of worker processes, one per core: the longest job (the whole edition) starts
first, the documents fill the other worker. Every PDF carries its TEI source(s) as attachments, so the
print edition also delivers its data; by default it is written as PDF/A-3b, the archival profile that
allows embedded files.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from lxml import etree

from teiedit.builders.corpus import (
    EditionDoc,
    document_date,
    edition_corpus,
    is_register,  # one definition for the web and the print edition
    load_edition_docs,
)
from teiedit.config import Edition
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS
from teiedit.io import read_xml, staged_dir, write_atomic
from teiedit.resources import css_dir, xslt_dir
from teiedit.xslt import transform

#: The archival PDF profile that allows attachments. ``None`` writes a plain PDF 1.7.
PDF_VARIANT: str | None = "pdf/a-3b"

_REGISTER_LISTS = ("listPerson", "listPlace", "listOrg")


@dataclass(frozen=True)
class AttachedFile:
    """A file embedded in a PDF (a TEI source or a register)."""

    name: str
    data: bytes
    description: str


@dataclass(frozen=True)
class PrintJob:
    """One PDF to lay out: the paged HTML and what to attach. Picklable, so it can go to a worker."""

    output: str
    html: str
    attachments: tuple[AttachedFile, ...] = ()
    title: str = ""
    variant: str | None = PDF_VARIANT
    epoch: int | None = None


def _allowed(url: str) -> bool:
    """Only teiedit's own CSS may be loaded: TEI can never make WeasyPrint read or fetch anything else
    (no network, no local file named in a document)."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme != "file":
        return False
    path = Path(unquote(parsed.path)).resolve()
    return path.parent == css_dir().resolve() and path.suffix == ".css"


def _url_fetcher() -> object:
    import weasyprint

    class CssOnlyFetcher(weasyprint.URLFetcher):  # type: ignore[misc, name-defined]
        def fetch(self, url: str, headers: object = None) -> object:
            if not _allowed(url):
                raise ValueError(f"teiedit does not load {url!r} into a PDF")
            return super().fetch(url, headers)

    return CssOnlyFetcher()


def render_pdf(job: PrintJob) -> bytes:
    """Lay out one job with WeasyPrint (runs in a worker process).

    A book with an index is laid out in two parts: first everything up to the index (whose heading
    stays, so the contents can point at it), then the index, filled with the pages on which the first
    part placed every mention; the index's pages replace the placeholder. Only the index is laid out
    twice, and page numbers repeat nowhere (CSS target-counter() would give one number per mention).
    """
    import weasyprint

    when = dt.datetime.fromtimestamp(job.epoch, dt.UTC) if job.epoch is not None else None
    attachments = [
        weasyprint.Attachment(string=a.data, name=a.name, description=a.description,
                              relationship="Source", created=when, modified=when)
        for a in job.attachments
    ]

    def layout(html: str) -> weasyprint.Document:
        return weasyprint.HTML(string=html, base_url=str(css_dir()) + "/",
                               url_fetcher=_url_fetcher()).render()

    parts = split_index(job.html)
    if parts is None:
        document = layout(job.html)
    else:
        book = layout(parts[0])
        page_of = {anchor: number for number, page in enumerate(book.pages, start=1)
                   for anchor in page.anchors}
        first = page_of.get(INDEX_ID)
        if first is None:  # the placeholder vanished: keep the single-pass index
            document = layout(job.html)
        else:
            index = layout(fill_index(parts[1], page_of, first))
            document = book.copy([*book.pages[: first - 1], *index.pages])
    if job.title:
        document.metadata.title = job.title
    if when is not None:
        document.metadata.created = document.metadata.modified = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return bytes(document.write_pdf(attachments=attachments, pdf_variant=job.variant))


# -- the index: page numbers from the laid-out book ----------------------------------------------------

INDEX_ID = "index"


def split_index(html: str) -> tuple[str, str] | None:
    """The paged HTML of a book as (everything with an empty index section, the index alone), or None
    when it has no index whose locators list their mentions (``data-mentions``)."""
    from lxml import html as lhtml

    doc = lhtml.document_fromstring(html)
    found = doc.xpath(f"//section[@id='{INDEX_ID}'][.//*[@data-mentions]]")
    if not found:
        return None
    section = found[0]
    index_doc = copy.deepcopy(doc)
    body = index_doc.find("body")
    for child in list(body):
        body.remove(child)
    body.append(copy.deepcopy(section))
    for child in list(section):
        if child.tag not in ("h1", "h2"):
            section.remove(child)
    return _html_text(doc), _html_text(index_doc)


def fill_index(index_html: str, page_of: dict[str, int], first_page: int) -> str:
    """Replace each entry's locators with the sorted, distinct pages of its mentions (runs of three or
    more as ranges), each number linking to the first mention on that page; number pages from
    ``first_page`` on."""
    from lxml import html as lhtml

    doc = lhtml.document_fromstring(index_html)
    for locators in doc.xpath("//*[@data-mentions]"):
        first_on: dict[int, str] = {}
        for mention in locators.get("data-mentions", "").split():
            if mention in page_of:
                first_on.setdefault(page_of[mention], mention)
        if not first_on:
            continue  # keep the target-counter locators
        for child in list(locators):
            locators.remove(child)
        locators.text = " "
        runs = _runs(sorted(first_on))
        for i, (low, high) in enumerate(runs):
            link = lhtml.Element("a", {"class": "page-ref", "href": f"#{first_on[low]}"})
            link.text = str(low) if low == high else f"{low}\u2013{high}"
            link.tail = ", " if i + 1 < len(runs) else ""
            locators.append(link)
    style = lhtml.Element("style")
    style.text = f"@page :first {{ counter-reset: page {first_page}; }}"
    doc.find("head").append(style)
    return _html_text(doc)


def _runs(pages: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 8, 9] -> [(3, 5), (8, 8), (9, 9)]: three or more consecutive pages make a range."""
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    out: list[tuple[int, int]] = []
    for run in runs:
        if len(run) >= 3:
            out.append((run[0], run[-1]))
        else:
            out.extend((p, p) for p in run)
    return out


def _html_text(doc: etree._Element) -> str:
    from lxml import html as lhtml

    return "<!DOCTYPE html>\n" + lhtml.tostring(doc, encoding="unicode")


def _render_or_explain(job: PrintJob) -> bytes:
    try:
        return render_pdf(job)
    except Exception as exc:  # noqa: BLE001 -- WeasyPrint raises many kinds; name the PDF that failed
        raise TeieditError(f"WeasyPrint could not lay out {job.output}: {exc}", job.output) from None


def render_all(jobs: list[PrintJob], workers: int | None = None,
               done: Callable[[PrintJob], None] | None = None) -> dict[str, bytes]:
    """Lay out all jobs, in parallel on up to ``workers`` processes (default: one per core, at most 2
    unless TEIEDIT_PDF_WORKERS says otherwise). Longest jobs first, so the pool finishes together."""
    if workers is None:
        workers = int(os.environ.get("TEIEDIT_PDF_WORKERS", "0")) or min(2, os.cpu_count() or 1)
    ordered = sorted(jobs, key=lambda j: len(j.html), reverse=True)
    results: dict[str, bytes] = {}
    if workers <= 1 or len(ordered) <= 1:
        for job in ordered:
            results[job.output] = _render_or_explain(job)
            if done:
                done(job)
        return results
    # "spawn": the workers start clean, without this process's Saxon (a native runtime with threads).
    with ProcessPoolExecutor(max_workers=min(workers, len(ordered)), mp_context=get_context("spawn")) as pool:
        futures: list[tuple[PrintJob, Future[bytes]]] = [(j, pool.submit(_render_or_explain, j)) for j in ordered]
        for job, fut in futures:
            results[job.output] = fut.result()
            if done:
                done(job)
    return results


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
_OWN_DATE = ("tei:text/tei:body//*[self::tei:head or self::tei:opener or self::tei:dateline"
             " or self::tei:docDate]//tei:date/@when | tei:text/tei:body//tei:docDate/@when")
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
    found = ed.doc.root.xpath(f"({stmt}tei:title[@type='main'] | {stmt}tei:title)[1]",
                              namespaces={"tei": TEI_NS})
    return " ".join("".join(found[0].itertext()).split()) if found else ed.page


def _epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def edition_params(edition: Edition) -> dict[str, str]:
    """teiedit.toml values for the title page and the running heads."""
    epoch = _epoch()
    year = (dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None
            else dt.datetime.now(dt.UTC)).year
    return {
        "edition-title": edition.title,
        "edition-short-title": edition.short_title or edition.title,
        "edition-editors": "\n".join(f"{e.name}: {e.resp}" if e.resp else e.name for e in edition.editors),
        "edition-publisher": edition.publisher,
        "edition-pub-place": edition.pub_place,
        "edition-licence": edition.licence,
        "edition-base-url": edition.base_url,
        "edition-year": str(year),
    }


def plan(files: list[Path], edition: Edition) -> list[PrintJob]:
    """Transform the TEI into paged HTML (XSLT, in this process) and return the layout jobs."""
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
    epoch = _epoch()
    jobs: list[PrintJob] = []
    sources: list[AttachedFile] = []
    for ed in docs:
        source = AttachedFile(f"{ed.page}.xml", ed.path.read_bytes(), f"TEI source of {ed.page}.pdf")
        sources.append(source)
        html = transform(xslt_dir() / "print" / "document.xsl", ed.doc.tree, base_uri=str(ed.path),
                         params={**params, "page": ed.page}).output
        jobs.append(PrintJob(f"{ed.page}.pdf", html, (source,), title=doc_title(ed),
                             epoch=epoch))
    if docs:
        corpus = with_registers(edition_corpus(docs, edition), registers)
        html = transform(xslt_dir() / "print" / "edition.xsl", corpus, params=params).output
        reg_files = tuple(AttachedFile(f"registers-{p.name}", p.read_bytes(), f"TEI register {p.name}")
                          for p in regs)
        jobs.append(PrintJob("edition.pdf", html, (*sources, *reg_files), title=edition.title,
                             epoch=epoch))
    return jobs


class PdfBuilder:
    name = "pdf"

    def build(self, files: list[Path], out_dir: Path, edition: Edition,
              progress: object | None = None) -> list[Path]:
        jobs = plan(files, edition)

        def done(job: PrintJob) -> None:
            if callable(progress):
                progress(f"laid out {job.output}")

        pdfs = render_all(jobs, done=done)
        written: list[Path] = []
        with staged_dir(out_dir) as tmp:
            for job in jobs:
                write_atomic(tmp / job.output, pdfs[job.output])
                written.append(out_dir / job.output)
        return written

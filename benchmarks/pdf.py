"""Print edition speed (issue 20): figures side by side, measured in one run on this machine.

    PYTHONPATH=src python benchmarks/pdf.py [EDITION_ROOT] [--novel FILE] [--no-novel] [--no-edition]
                                            [--images]

1. The edition's whole print build (every part laid out once, in parallel), CPU of the layout workers.
2. A rebuild with nothing changed (target <= 2 s): loading the edition and finding nothing outdated;
   and a forced rebuild with every part kept (the book's XSLT and the assembly of every PDF: the floor
   of any rebuild that changes a document).
3. One document changed (target <= that document's own layout + 2 s): its part is laid out again, the
   rest kept (builders/pdf/cache.py); which parts were laid out is printed. Then the same document
   lengthened by about two pages (an added paragraph of synthetic text), which moves the page numbers
   after it: those are written into the slots of the contents, the index, the running heads and the
   first pages of the documents' own PDFs (builders/pdf/numbers.py): only that document is laid out.
4. A long novel (default: the largest TEI with chapter divisions in the shared corpora beside the
   repository) laid out as one job on one core, then in chunks on two processes (target <= 0.6x), CPU
   and wall of each; and ms per page of teiedit's layout (tagged PDF/A-3a) against WeasyPrint alone on
   the same HTML (a plain PDF).

EDITION_ROOT defaults to this repository; its tei/ is copied to a temporary folder, nothing is written
there. With --images, PNGs of the title page, the first letter page and the first page of a bulletin
document of the built edition.pdf are written to tests/artifacts/ (gitignored) for a human eye. The
machine's load average is printed with the figures: on a shared machine it dominates them.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from pypdf import PdfReader

from teiedit.builder import BuildOptions
from teiedit.builders.pdf import PdfBuilder, chunks
from teiedit.builders.pdf.cache import PartCache
from teiedit.builders.pdf.layout import Layout, lay_out
from teiedit.builders.pdf.plan import plan
from teiedit.config import default_settings, load_settings
from teiedit.edition import Edition
from teiedit.io import iter_xml_files

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / ".." / "shared" / "corpora" / "external-tei"


class Timing:
    wall = 0.0
    cpu = 0.0  # this process and its finished children


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def timed() -> Iterator[Timing]:
    t = Timing()
    w0, c0 = time.perf_counter(), _cpu()
    yield t
    t.wall, t.cpu = time.perf_counter() - w0, _cpu() - c0


def page_images(pdf: Path, out: Path) -> list[Path]:
    """Title page, the first page whose text opens with a salutation ("Dear"), and the first page of a
    document from a compilation (a bulletin part: its source line cites an archive's Fond)."""
    pages = [p.extract_text() or "" for p in PdfReader(pdf).pages]
    wanted = {"edition-title-page": 0}
    letter = next((i for i, t in enumerate(pages) if "\nDear " in t or t.startswith("Dear ")), None)
    bulletin = next((i for i, t in enumerate(pages) if "Fond" in t and "Source" in t), None)
    if letter is not None:
        wanted["edition-letter"] = letter
    if bulletin is not None:
        wanted["edition-bulletin"] = bulletin
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, index in wanted.items():
        page = str(index + 1)
        target = str(out / name)
        cmd = [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            "-f",
            page,
            "-l",
            page,
            str(pdf),
            target,
        ]
        subprocess.run(cmd, check=True)
        written.append(out / f"{name}.png")
    return written


def _documents(tei: Path) -> list[Path]:
    return [f for f in iter_xml_files([tei]) if not any(p.startswith(".") for p in f.parts)]


def edition_figures(root: Path) -> None:
    """The edition's print build, a no-change rebuild and a one-document change."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(root / "tei", Path(tmp) / "tei")
        settings = dataclasses.replace(
            load_settings(root), tei=Path(tmp) / "tei", registers=Path(tmp) / "tei" / "registers"
        )
        out = Path(tmp) / "pdf"

        told: list[str] = []

        def build(force: bool = False) -> list[Path]:
            told.clear()
            edition = Edition.from_files(settings, _documents(settings.tei))
            options = BuildOptions(progress=told.append, force=force)
            return PdfBuilder().build(edition, out, options)

        with timed() as first:
            written = build()
        with timed() as again:
            unchanged = build()
        with timed() as kept:  # every part kept: the XSLT and the assembly of every PDF
            build(force=True)
        edition = Edition.from_files(settings, _documents(settings.tei))
        with timed() as xslt:
            p = plan(edition)
        doc = max(p.chapter_jobs, key=lambda j: len(j.html))  # the longest document of the book
        with timed() as own:
            lay_out(doc)
        changed = settings.tei / doc.output.replace(".pdf", ".xml")
        text = changed.read_text(encoding="utf-8")
        at = text.rindex("</p>")
        changed.write_text(text[:at] + " (changed)" + text[at:], encoding="utf-8")
        with timed() as one:
            build()
        relaid = [m.removeprefix("laid out ") for m in told if m.startswith("laid out ")]
        text = changed.read_text(encoding="utf-8")
        at = text.rindex("</p>")
        longer = " An added sentence to lengthen the document." * 150
        changed.write_text(text[:at] + longer + text[at:], encoding="utf-8")
        with timed() as grown:
            build()
        relaid_grown = [m.removeprefix("laid out ") for m in told if m.startswith("laid out ")]
        book = out / "edition.pdf"
        pages = len(PdfReader(book).pages)
        images = page_images(book, REPO / "tests" / "artifacts") if "--images" in sys.argv else []
    print(f"edition: {len(p.chapter_jobs)} documents in the book, edition.pdf {pages} pages")
    print(
        f"  whole print build:           {first.wall:6.2f} s wall {first.cpu:7.2f} s CPU  ({len(written)} PDFs)"
    )
    target = "met" if again.wall <= 2 else "MISSED"
    print(
        f"  rebuild, nothing changed:    {again.wall:6.2f} s wall {again.cpu:7.2f} s CPU  "
        f"({len(unchanged)} PDFs written; target <= 2 s: {target})"
    )
    print(
        f"  rebuild forced, parts kept:  {kept.wall:6.2f} s wall {kept.cpu:7.2f} s CPU  "
        "(the book's XSLT, every PDF assembled and stamped)"
    )
    limit = own.wall + 2
    print(
        f"  one document changed:        {one.wall:6.2f} s wall {one.cpu:7.2f} s CPU  "
        f"({doc.output}: its layout alone {own.wall:.2f} s wall {own.cpu:.2f} s CPU; "
        f"target <= {limit:.2f} s: {'met' if one.wall <= limit else 'MISSED'})"
    )
    print(
        f"    the book's XSLT (part of every rebuild): {xslt.wall:.2f} s wall {xslt.cpu:.2f} s CPU"
    )
    print(f"    laid out again: {', '.join(relaid) or 'nothing'}")
    print(
        f"  same document, 2 pages more: {grown.wall:6.2f} s wall {grown.cpu:7.2f} s CPU  "
        f"(target <= {limit:.2f} s: {'met' if grown.wall <= limit else 'MISSED'})"
    )
    print(f"    laid out again: {', '.join(relaid_grown) or 'nothing'}")
    for image in images:
        print(f"  page image: {image}")


def _novel() -> Path | None:
    """The largest TEI file with chapter divisions in the shared corpora."""
    if not CORPORA.is_dir():
        return None
    found = [f for f in CORPORA.rglob("*.xml") if b'type="chapter"' in f.read_bytes()[:2_000_000]]
    return max(found, key=lambda f: f.stat().st_size) if found else None


def _plain_weasyprint(html: str) -> int:
    """WeasyPrint alone on the HTML (a plain PDF, no tags): its page count."""
    import weasyprint

    from teiedit.builders.pdf.breaks import allow_breaks
    from teiedit.resources import css_dir

    document = weasyprint.HTML(string=allow_breaks(html), base_url=str(css_dir()) + "/").render()
    document.write_pdf()
    return len(document.pages)


def novel_figures(path: Path) -> None:
    """A long novel: one job on one core against chunks on two processes, and WeasyPrint alone."""
    with tempfile.TemporaryDirectory() as tmp:
        edition = Edition.from_files(default_settings(Path(tmp)), [path])
        with timed() as xslt:
            (job,) = plan(edition).jobs
    parts = chunks.split_job(job)
    with timed() as single:
        one = lay_out(job)
    with timed() as chunked:  # the workers' CPU counts once they have ended, with the pool
        with Layout(workers=2) as layout:
            laid = PartCache(None, "").run(layout, parts)
        joined = chunks.join(job.output, [laid[p.output] for p in parts])
    with timed() as plain:
        plain_pages = _plain_weasyprint(job.html)
    assert joined.pages == one.pages, (joined.pages, one.pages)
    ratio = chunked.wall / single.wall
    print(f"novel: {path.name}, {len(job.html) / 1e6:.2f} MB of paged HTML, {one.pages} pages")
    print(f"  XSLT to paged HTML:          {xslt.wall:6.2f} s wall")
    print(f"  one job, one core:           {single.wall:6.2f} s wall {single.cpu:7.2f} s CPU")
    print(
        f"  {len(parts)} chunks, 2 processes:      {chunked.wall:6.2f} s wall {chunked.cpu:7.2f} s CPU"
        f"  ({ratio:.2f}x the one job's wall; target <= 0.6x: {'met' if ratio <= 0.6 else 'MISSED'})"
    )
    # CPU, not wall: on a shared machine the wall time of one process is mostly waiting for a core
    ours = 1000 * single.cpu / one.pages
    alone = 1000 * plain.cpu / plain_pages
    print(
        f"  ms CPU per page: teiedit (tagged PDF/A-3a) {ours:5.1f}, WeasyPrint alone (plain PDF) "
        f"{alone:5.1f}  ({ours / alone:.2f}x; {plain_pages} pages)"
    )


def main() -> None:
    argv = sys.argv[1:]
    given = argv[argv.index("--novel") + 1] if "--novel" in argv else None
    args = [a for a in argv if not a.startswith("--") and a != given]
    root = Path(args[0]).resolve() if args else REPO
    if "--no-edition" not in argv:
        edition_figures(root)
    if "--no-novel" not in sys.argv:
        novel = Path(given) if given else _novel()
        if novel is None:
            print("novel: none found (pass --novel FILE)")
        else:
            novel_figures(novel)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

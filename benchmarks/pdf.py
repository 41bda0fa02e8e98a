"""Print edition speed: XSLT, then the whole print build (every document laid out once, in parallel, the
book assembled from the parts), with the CPU time of the layout workers. Target (issue 8): edition.pdf
under 30 s; the print build now makes edition.pdf and every document's PDF together.

    PYTHONPATH=src python benchmarks/pdf.py [EDITION_ROOT] [--images]

EDITION_ROOT defaults to this repository; its tei/ (and tei/registers/) are read, nothing is written
there. With --images, PNGs of the title page, the first letter page and the first page of a bulletin
document of the built edition.pdf are written to tests/artifacts/ (gitignored) for a human eye.
The machine's load average is printed with the figures: on a shared machine it dominates them.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from pypdf import PdfReader

from teiedit.builder import BuildOptions
from teiedit.builders.pdf import PdfBuilder
from teiedit.builders.pdf.plan import plan
from teiedit.config import load_settings
from teiedit.edition import Edition
from teiedit.io import iter_xml_files

REPO = Path(__file__).resolve().parent.parent


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
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-singlefile",
                "-f",
                str(index + 1),
                "-l",
                str(index + 1),
                str(pdf),
                str(out / name),
            ],
            check=True,
        )
        written.append(out / f"{name}.png")
    return written


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(args[0]).resolve() if args else REPO
    edition = load_settings(root)
    files = [
        f for f in iter_xml_files([edition.tei]) if not any(p.startswith(".") for p in f.parts)
    ]

    t0 = time.perf_counter()
    printed = plan(Edition.from_files(edition, files))
    t_xslt = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0, c0 = time.perf_counter(), time.process_time()
        written = PdfBuilder().build(
            Edition.from_files(edition, files), Path(tmp) / "pdf", BuildOptions()
        )
        t_all, c_main = time.perf_counter() - t0, time.process_time() - c0
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        c_workers = (children.ru_utime + children.ru_stime) - (
            children0.ru_utime + children0.ru_stime
        )
        c0 = time.process_time()
        again = PdfBuilder().build(
            Edition.from_files(edition, files), Path(tmp) / "pdf", BuildOptions()
        )
        c_again = time.process_time() - c0
        edition_pdf = Path(tmp) / "pdf" / "edition.pdf"
        pages = len(PdfReader(edition_pdf).pages)
        size = edition_pdf.stat().st_size
        total = sum(p.stat().st_size for p in written)
        images = (
            page_images(edition_pdf, REPO / "tests" / "artifacts") if "--images" in sys.argv else []
        )

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"documents in the book:                 {len(printed.chapter_jobs)}"
        f" (+{len(printed.singles)} with a PDF of their own only)"
    )
    print(f"XSLT to paged HTML:                    {t_xslt:6.2f} s")
    print(
        f"print build, {os.cpu_count()} cores (all PDFs):      {t_all:6.2f} s   {len(written)} PDFs, "
        f"{total / 1e6:.2f} MB; edition.pdf {pages} pages, {size / 1e6:.2f} MB"
    )
    print(
        f"  CPU time: layout workers {c_workers:6.2f} s, main process (XSLT, assembly) {c_main:6.2f} s"
    )
    print(
        f"rebuild, nothing changed:              {c_again:6.2f} s CPU  ({len(again)} PDFs written)"
    )
    print(f"load average (1, 5, 15 min):           {load}")
    print(
        f"target edition.pdf < 30 s:             {'met' if t_all < 30 else 'MISSED'} "
        "(the whole print build, which includes it)"
    )
    for image in images:
        print(f"page image: {image}")


if __name__ == "__main__":
    main()

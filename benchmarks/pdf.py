"""Print edition speed: XSLT time, layout time, per-document PDFs in parallel, whole edition.

Run from the repository root:  PYTHONPATH=src python benchmarks/pdf.py [TEI folder]
Target: the whole-edition PDF under 30 s (issue 8). Prints seconds, pages and sizes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from teiedit.builders.pdf import PdfBuilder, plan, render_all
from teiedit.config import find_edition_root, load_edition
from teiedit.io import iter_xml_files


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    tei = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "tei"
    edition = load_edition(root) if find_edition_root(root) else None
    assert edition is not None
    files = list(iter_xml_files([tei]))

    t0 = time.perf_counter()
    jobs = plan(files, edition)
    t_xslt = time.perf_counter() - t0
    edition_job = [j for j in jobs if j.output == "edition.pdf"]

    t0 = time.perf_counter()
    render_all(edition_job, workers=1)
    t_edition = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        written = PdfBuilder().build(files, Path(tmp) / "pdf", edition)
        t_all = time.perf_counter() - t0
        edition_pdf = Path(tmp) / "pdf" / "edition.pdf"
        pages = len(PdfReader(edition_pdf).pages)
        size = edition_pdf.stat().st_size
        total = sum(p.stat().st_size for p in written)

    print(f"documents:                       {len(jobs) - 1}")
    print(f"XSLT to paged HTML (all jobs):   {t_xslt:6.2f} s")
    print(f"edition.pdf alone (1 process):   {t_edition:6.2f} s   {pages} pages, {size / 1e6:.2f} MB")
    print(f"full print build (2 workers):    {t_all:6.2f} s   {len(written)} PDFs, {total / 1e6:.2f} MB")
    print(f"target: edition.pdf < 30 s       {'OK' if t_edition < 30 else 'MISSED'}")


if __name__ == "__main__":
    main()

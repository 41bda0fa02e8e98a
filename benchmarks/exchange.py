#!/usr/bin/env python3
"""Import the shared external TEI corpus into a fresh edition and render it; print figures.

Usage: python benchmarks/exchange.py [--corpus DIR] [--pdf] [--exports]
Target: import + HTML rendering of ../shared/corpora/external-tei under 60 s. Everything happens in a
temporary folder. With --pdf the print edition is built too (WeasyPrint; slower); with --exports the
CMIF, corpus and register exports of the imported edition's own registers are timed as well.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# A script's own folder comes first on sys.path; keep benchmarks/ off it, so that a benchmark named
# like a module (pdf.py, web.py) can never shadow an import of the code it measures.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO / "src"))

from teiedit.builder import BuildOptions  # noqa: E402
from teiedit.builders.registry import get_builder  # noqa: E402
from teiedit.config import default_settings, load_settings  # noqa: E402
from teiedit.edition import Edition  # noqa: E402
from teiedit.exchange.importer import import_files  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "external-tei"
    )
    ap.add_argument("--pdf", action="store_true", help="also build the print edition")
    ap.add_argument("--exports", action="store_true", help="also time corpus and register exports")
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.xml"))
    size = sum(f.stat().st_size for f in files)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "edition"
        shutil.copytree(REPO / "tests" / "cases" / "exchange" / "edition", root)
        edition = load_settings(root)
        t0 = time.perf_counter()
        report = import_files([args.corpus], edition)
        t_import = time.perf_counter() - t0
        imported = [report.target_dir / f.name for f in report.files if f.name]
        status = {
            s: sum(1 for f in report.files if f.status == s)
            for s in ("imported", "included", "refused")
        }
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB")
        print(
            f"import: {t_import:6.2f} s  ({len(files) / t_import:.1f} files/s)  {status}, "
            f"{len(report.conflicts)} register conflicts"
        )
        t0 = time.perf_counter()
        html_files = get_builder("html").build(
            Edition.from_files(default_settings(root), imported), Path(tmp) / "html", BuildOptions()
        )
        t_html = time.perf_counter() - t0
        print(
            f"html:   {t_html:6.2f} s  ({len(imported) / t_html:.1f} documents/s, {len(html_files)} files)"
        )
        total = t_import + t_html
        if args.pdf:
            t0 = time.perf_counter()
            pdfs = get_builder("pdf").build(
                Edition.from_files(default_settings(root), imported),
                Path(tmp) / "pdf",
                BuildOptions(),
            )
            t_pdf = time.perf_counter() - t0
            print(f"pdf:    {t_pdf:6.2f} s  ({len(pdfs)} PDFs)")
            total += t_pdf
        if args.exports:
            from teiedit.exchange.corpus_export import write_corpus
            from teiedit.exchange.registers_export import write_registers

            t0 = time.perf_counter()
            loaded = Edition.load(edition)
            write_corpus(loaded, Path(tmp) / "corpus.xml")
            write_registers(loaded, Path(tmp) / "registers")
            print(
                f"export: {time.perf_counter() - t0:6.2f} s  (teiCorpus of the edition + registers)"
            )
        load = os.getloadavg()[0]
        print(
            f"total:  {total:6.2f} s  (target < 60 s)   peak memory {peak_mb():.0f} MB   "
            f"load average {load:.1f} on {os.cpu_count()} CPUs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

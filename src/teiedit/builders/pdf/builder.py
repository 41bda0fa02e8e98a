"""PdfBuilder: plan, lay out and write the print edition (``edition.pdf`` and each document's PDF)."""

from __future__ import annotations

from pathlib import Path

from teiedit.builders.pdf.layout import Layout, PrintJob
from teiedit.builders.pdf.plan import plan
from teiedit.builders.pdf.rounds import make_pdfs
from teiedit.config import Edition
from teiedit.diagnostics import Progress
from teiedit.io import staged_dir, write_atomic


class PdfBuilder:
    name = "pdf"

    def build(
        self, files: list[Path], out_dir: Path, edition: Edition, progress: Progress | None = None
    ) -> list[Path]:
        def done(job: PrintJob) -> None:
            if progress is not None:
                progress(f"laid out {job.output}")

        with Layout() as layout:  # first: a bad TEIEDIT_PDF_WORKERS stops before any work
            p = plan(files, edition)
            pdfs = make_pdfs(p, layout, done)
        written: list[Path] = []
        with staged_dir(out_dir) as tmp:
            for name in [
                *(["edition.pdf"] if "edition.pdf" in pdfs else []),
                *(j.output for j in p.jobs),
            ]:
                write_atomic(tmp / name, pdfs[name])
                written.append(out_dir / name)
        return written

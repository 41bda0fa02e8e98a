"""The print edition's PDFs in the web edition: ``teiedit build`` puts them into the site (``pdf/``), so that
the pages' links to ``pdf/<page>.pdf`` and ``pdf/edition.pdf`` hold wherever the site is served from."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def publish_pdfs(pdf_dir: Path, site: Path) -> list[Path]:
    """Put the print edition's PDFs into the site (``site/pdf/``), so that its links hold wherever the site
    is served from: a hard link where the file system allows it, else a copy; only new or changed files.
    PDFs no longer in ``pdf_dir`` are removed from the site."""
    target = site / "pdf"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    names = set()
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        names.add(pdf.name)
        dst = target / pdf.name
        if dst.is_file() and dst.stat().st_size == pdf.stat().st_size:
            if os.path.samefile(dst, pdf) or dst.read_bytes() == pdf.read_bytes():
                continue
        tmp = target / f".{pdf.name}.tmp"
        tmp.unlink(missing_ok=True)
        try:
            os.link(pdf, tmp)
        except OSError:
            shutil.copyfile(pdf, tmp)
        tmp.chmod(0o644)
        os.replace(tmp, dst)
        written.append(dst)
    for old in target.glob("*.pdf"):
        if old.name not in names:
            old.unlink()
    return written

"""PDF bytes opened as a pikepdf document and saved back to bytes: the one way every module of the print
builder that edits a laid-out PDF (assembly, numbers) reads and writes it."""

from __future__ import annotations

import io

import pikepdf


def open_pdf(data: bytes) -> pikepdf.Pdf:
    """The PDF ``data`` as a pikepdf document (kept in memory)."""
    return pikepdf.open(io.BytesIO(data))


def save_pdf(pdf: pikepdf.Pdf) -> bytes:
    """The bytes of ``pdf``, with an ID made from its content: the same parts give the same bytes (with
    SOURCE_DATE_EPOCH)."""
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()

"""The files a PDF of the print edition carries: the TEI sources, the front matter and the registers.

They are embedded when the PDFs are put together (builders/pdf/assembly.py), never in a laid-out part:
a part's layout does not depend on them, so a change to one document's TEI lays out only what prints
differently, and the front matter that the book is built on is kept while the book's attachments change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: The media type of a TEI file (RFC 6129), written as each attachment's /Subtype.
TEI_MEDIA_TYPE = "application/tei+xml"


@dataclass(frozen=True)
class AttachedFile:
    """A file embedded in a PDF (a TEI source or a register)."""

    name: str
    data: bytes
    description: str


def pdf_date(epoch: int | None) -> str:
    """An attachment's creation and modification date: SOURCE_DATE_EPOCH's, else now (UTC)."""
    when = (
        dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    )
    return when.strftime("D:%Y%m%d%H%M%SZ")

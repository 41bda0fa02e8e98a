"""SOURCE_DATE_EPOCH: the reproducible-builds convention for fixing the dates a tool writes.

teiedit writes dates into TEI headers (conversion date), CMIF files (export time) and PDFs (metadata,
attachment dates, the title page's year). With SOURCE_DATE_EPOCH set to seconds since 1970, all of them
take that moment instead of the clock, so the same input gives the same bytes.
"""

from __future__ import annotations

import os


def source_date_epoch() -> int | None:
    """The moment SOURCE_DATE_EPOCH names, in seconds, or None when it is unset or not a whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None

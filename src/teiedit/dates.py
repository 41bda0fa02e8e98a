"""Recognise dates written in English prose and give them in ISO form."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

#: "October 22, 1956" / "22 October 1956" / "Oct. 22 1956"
_FULL_MDY = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)
_FULL_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    when: str


def _valid(y: int, m: int, d: int) -> bool:
    import calendar

    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def find_full_dates(text: str) -> list[FoundDate]:
    """Full dates (day, month name, year) in a text, in order, without overlaps."""
    found: list[FoundDate] = []
    for rx in (_FULL_MDY, _FULL_DMY):
        for m in rx.finditer(text):
            y, mo, d = int(m["y"]), MONTHS[m["m"].lower()], int(m["d"])
            if _valid(y, mo, d):
                found.append(FoundDate(m.start(), m.end(), m.group(0), f"{y:04d}-{mo:02d}-{d:02d}"))
    found.sort(key=lambda f: (f.start, -f.end))
    result: list[FoundDate] = []
    for f in found:
        if not result or f.start >= result[-1].end:
            result.append(f)
    return result


def parse_date_line(line: str) -> FoundDate | None:
    """The date if the whole line is a date ("October 22, 1956", "22 October 1956"), else None."""
    stripped = line.strip().rstrip(".")
    dates = find_full_dates(stripped)
    if len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(stripped):
        return dates[0]
    return None

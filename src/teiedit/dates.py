"""Recognise dates written in English prose and give them in ISO form.

``find_dates`` returns, for a running text, every full date (``22 October 1956``, ``October 22, 1956``),
month and year (``August 1956``), day and month without a year (``5 June``, given as ``--06-05``), year
(``1956``), decade (``1950s``) and range (``24 May to 11 June 1956``, ``April 24-29, 1956``,
``October 23 through November 4, 1956``, ``September through November 1956``, ``1953-1962``, ``1957-9``),
each with the TEI attributes that say it: ``when``, ``from``/``to`` or ``notBefore``/``notAfter``. Two days
joined by a slash (``5/6 October 1956``: the night between them, or one of the two) give
``notBefore``/``notAfter``: the date lies between them, whichever reading is meant. Months may be Roman
numerals (``4/XI-56``, ``4.XI.1956``, ``XI.1956``), and German or French (``14. März 1957``, ``5 avril
1957``, ``4. April`` without a year); a day.month/two-digit year on a line of its own (``12/3/56``) is
read, its order unknown when both numbers can be a month; ISO dates (``1956-04-03``) are read, and
``between 10 and 20 February 1908`` gives ``notBefore``/``notAfter``. Overlaps are settled
leftmost-longest. Impossible dates (31 June) are skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from teiedit.months import MONTH_RE, MONTHS, ROMAN, ROMAN_MONTHS, month_alternatives

#: "October 22, 1956" / "22 October 1956" / "Oct. 22 1956"
_FULL_MDY = re.compile(
    rf"\b(?P<m>{MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_FULL_DMY = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH_RE})\.?,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    when: str


def _valid(y: int, m: int, d: int) -> bool:
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


# -- dates in running text ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date in running text: ``text[start:end]`` and its TEI attributes (when, from/to, notBefore/notAfter)."""

    start: int
    end: int
    text: str
    attrs: dict[str, str] = field(default_factory=dict)


_M = rf"(?:{month_alternatives()})"
_D = r"[“\"]?(?:[12]\d|3[01]|0?[1-9])[”\"]?(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_TO = r"\s*(?:[-–—]|to|until|till|through|thru)\s*"
#: Between the two days of a range inside one month: a dash, or a word.
_DTO = r"(?:\s*[-–]\s*|\s+(?:to|through|thru)\s+)"
#: Prefix of ``when`` for a date whose century the text does not give ("..56-03-31"); ``century`` fixes it
#: from a nearby year. ``::`` marks the ambiguous all-numeric form, which needs that very year nearby.
NO_CENTURY, SAME_YEAR = "..", "::"
#: ``SAME_YEAR`` with day and month that may be either way round (``3/4/56``): its year can be known,
#: its day cannot.
SAME_YEAR_ORDER_UNKNOWN = "?:"
_S = r"\s+"
_LEFT = r"(?<![\w/.,#°-])"
_RIGHT = r"(?![\w/%]|[-–]\d)"


def _p(name: str, body: str, left: str = _LEFT) -> tuple[str, re.Pattern[str]]:
    # The lookahead on the first character lets the engine skip most positions cheaply.
    first = (
        r"(?=[A-Z])"
        if body.startswith("(?P<m")
        else r"(?=[IVX])"
        if body.startswith("(?P<rm")
        else r"(?=[“\"\d])"
    )
    return name, re.compile(first + left + body + _RIGHT)


def _patterns(M: str, extended: bool) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns over month names ``M``; ``extended``: with the forms read since the labeller was
    trained (German day "14.", ISO dates, "between 10 and 20 February"), which its features leave out."""
    dot = r"\.?" if extended else ""
    dot_dm = r"(?:\.(?!\s*MAY\b|\s*May\b))?" if extended else ""
    out = [
        # 12 December 1956 through 3 January 1957 / October 22, 1956 - November 4, 1956 (across years)
        _p(
            "dmy-dmy",
            rf"(?P<d1>{_D}){_S}(?P<m1>{M}),?{_S}(?P<y1>{_Y}){_TO}(?P<d2>{_D}){_S}(?P<m2>{M}),?{_S}(?P<y2>{_Y})",
        ),
        _p(
            "mdy-mdy",
            rf"(?P<m1>{M}){_S}(?P<d1>{_D}),?{_S}(?P<y1>{_Y}){_TO}(?P<m2>{M}){_S}(?P<d2>{_D}),?{_S}(?P<y2>{_Y})",
        ),
        # December 1956 to January 1957
        _p("my-my", rf"(?P<m1>{M}),?{_S}(?P<y1>{_Y}){_TO}(?P<m2>{M}),?{_S}(?P<y2>{_Y})"),
        # October 23 through November 4, 1956
        _p(
            "md-mdy",
            rf"(?P<m1>{M}){_S}(?P<d1>{_D}){_TO}(?P<m2>{M}){_S}(?P<d2>{_D}),?{_S}(?P<y>{_Y})",
        ),
        # 24 May to 11 June 1956 / 1 October to 25 October 1959
        _p(
            "dm-dmy",
            rf"(?P<d1>{_D}){_S}(?P<m1>{M}){_TO}(?P<d2>{_D}){_S}(?P<m2>{M}),?{_S}(?P<y>{_Y})",
        ),
        # between 24 May and 11 June 1956
        _p(
            "dm-and-dmy",
            rf"(?P<d1>{_D}){_S}(?P<m1>{M}){_S}and{_S}(?P<d2>{_D}){_S}(?P<m2>{M}),?{_S}(?P<y>{_Y})",
            left=r"(?<=[Bb]etween )" if extended else r"(?<=between )",
        ),
        # (written) between 10 and 20 February 1908: one day of the ten, which is not known
        _p(
            "d-and-dmy",
            rf"(?P<d1>{_D}){_S}and{_S}(?P<d2>{_D}){_S}(?P<m>{M}),?{_S}(?P<y>{_Y})",
            left=r"(?<=[Bb]etween )",
        ),
        # 30-31 August 1956, 2 to 14 March 1956, 5 through 8 October 1956
        _p("d-dmy", rf"(?P<d1>{_D}){_DTO}(?P<d2>{_D}){_S}(?P<m>{M}),?{_S}(?P<y>{_Y})"),
        # April 24-29, 1956, October 5 through 8, 1956
        _p("md-dy", rf"(?P<m>{M}){_S}(?P<d1>{_D}){_DTO}(?P<d2>{_D}),?{_S}(?P<y>{_Y})"),
        # September through November 1956, June to July 1956
        _p("m-my", rf"(?P<m1>{M}){_TO}(?P<m2>{M}),?{_S}(?P<y>{_Y})"),
        # 5/6 October 1956, October 5/6, 1956 (two days: the night between them, or one of the two)
        _p("d/dmy", rf"(?P<d1>{_D})/(?P<d2>{_D}){_S}(?P<m>{M}),?{_S}(?P<y>{_Y})"),
        _p("md/dy", rf"(?P<m>{M}){_S}(?P<d1>{_D})/(?P<d2>{_D}),?{_S}(?P<y>{_Y})"),
        _p("d/dm", rf"(?P<d1>{_D})/(?P<d2>{_D}){_S}(?P<m>{M})(?!\.?,?\s*\d)"),
        # 22 October 1956, 14. März 1957 (German writes the day as an ordinal with a full stop)
        _p("dmy", rf"(?P<d>{_D}){dot}{_S}(?P<m>{M}),?{_S}(?P<y>{_Y})"),
        # October 22, 1956
        _p("mdy", rf"(?P<m>{M}){_S}(?P<d>{_D}),?{_S}(?P<y>{_Y})"),
        # August 1956
        _p("my", rf"(?P<m>{M}),?{_S}(?:of{_S})?(?P<y>{_Y})"),
        # 5 June / 4. April / February 16 (no year; "4. May" is rather a list's fourth point)
        _p("dm", rf"(?P<d>{_D}){dot_dm}{_S}(?P<m>{M})(?!\.?,?\s*\d)"),
        _p("md", rf"(?P<m>{M}){_S}(?P<d>{_D})(?![\d,]|\s*\d)"),
        # 4.XI.1956, 4/XI/1956, 4-XI-1956 (roman month)
        _p("d-rm-y", rf"(?P<d>{_D})(?P<sep>[./-])(?P<rm>{ROMAN})(?P=sep)(?P<y>{_Y})"),
        # 31-III-56, 5.IX.56, 4/XI-56 (roman month, two-digit year: the century comes from the context)
        _p("d-rm-yy", rf"(?P<d>{_D})[./-](?P<rm>{ROMAN})[.-](?P<yy>\d\d)"),
        # XI.1956, XI-1956 (roman month and year)
        _p("rm-y", rf"(?P<rm>{ROMAN})[./-](?P<y>{_Y})", left=r"(?<![\w/.,#°-])(?<!No\. )"),
        # 5.6.56 (day.month.two-digit year, as in Soviet documents: only with a matching year in the context)
        _p("d-m-yy", r"(?P<d>[12]\d|3[01]|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<yy>\d\d)"),
        # 12/3/56 on a line of its own or before a nested element (a letter's date; in running text it is as often a file number):
        # day first unless the day cannot be one, and the order unknown when both can be a month
        _p(
            "d/m/yy",
            r"(?P<d>[12]\d|3[01]|0?[1-9])/(?P<m>[12]\d|3[01]|0?[1-9])/(?P<yy>\d\d)(?=[ \t.]*(?:[\n\x00]|$))",
            left=r"(?<![^\s\x00])(?<!\S[ \t])",
        ),
        # 25/VII (roman month, no year)
        _p("d-rm", rf"(?P<d>{_D})[/.-](?P<rm>{ROMAN})(?![.-]?\d)"),
        # 1956-04-03 (ISO)
        _p("iso", rf"(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])"),
        # 1953-1962, 1957-9, 1960-65, 1998 to 2002
        _p("y-y", rf"(?P<y1>{_Y})(?:\s*[-–/]\s*|\s+(?:to|through|thru)\s+)(?P<y2>\d{{1,4}})"),
        # 1950s
        _p("decade", r"(?P<dec>(?:1[89]|20)\d0)s", left=r"(?<![\w/.,#°])"),
        # 1956
        _p("y", rf"(?<!No\. )(?<!No )(?<!N° )(?<!# )(?P<y>{_Y})"),
    ]
    new = ("iso", "d-and-dmy")
    return out if extended else [(kind, rx) for kind, rx in out if kind not in new]


_M_EN = rf"(?:{month_alternatives(english=True)})"
_PATTERNS = _patterns(_M, extended=True)
_PATTERNS_EN = _patterns(_M_EN, extended=False)


#: The parts some patterns cannot match without (a month name, a year, a Roman numeral), each searched
#: once per window: most windows (a note's number, a page number) hold no month, and so most patterns
#: need not be tried there.
def _needing(
    patterns: list[tuple[str, re.Pattern[str]]], M: str
) -> list[tuple[str, re.Pattern[str], frozenset[str]]]:
    return [
        (
            kind,
            rx,
            frozenset(
                name
                for name, part in (("month", M), ("year", _Y), ("roman", ROMAN))
                if part in rx.pattern
            ),
        )
        for kind, rx in patterns
    ]


def _parts(M: str) -> list[tuple[str, re.Pattern[str]]]:
    return [("month", re.compile(M)), ("year", re.compile(_Y)), ("roman", re.compile(r"[IVX]"))]


_PARTS, _PARTS_EN = _parts(_M), _parts(_M_EN)
_PATTERNS_NEEDING, _PATTERNS_NEEDING_EN = _needing(_PATTERNS, _M), _needing(_PATTERNS_EN, _M_EN)


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _iso(y: int, m: int, d: int | None = None) -> str | None:
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


def _attrs(kind: str, g: dict[str, str]) -> dict[str, str] | None:
    """The TEI attributes of a match, or None when it is no real date."""
    if kind in ("dmy-dmy", "mdy-mdy"):
        a = _iso(int(g["y1"]), _month(g["m1"]), _day(g["d1"]))
        b = _iso(int(g["y2"]), _month(g["m2"]), _day(g["d2"]))
        return {"from": a, "to": b} if a and b and a < b else None
    if kind == "my-my":
        a, b = _iso(int(g["y1"]), _month(g["m1"])), _iso(int(g["y2"]), _month(g["m2"]))
        return {"from": a, "to": b} if a and b and a < b else None
    if kind == "md-mdy":
        y = int(g["y"])
        a, b = _iso(y, _month(g["m1"]), _day(g["d1"])), _iso(y, _month(g["m2"]), _day(g["d2"]))
        return {"from": a, "to": b} if a and b and a < b else None
    if kind == "m-my":
        y, m1, m2 = int(g["y"]), _month(g["m1"]), _month(g["m2"])
        return {"from": f"{y:04d}-{m1:02d}", "to": f"{y:04d}-{m2:02d}"} if m1 < m2 else None
    if kind in ("d/dmy", "md/dy", "d-and-dmy"):
        y, m = int(g["y"]), _month(g["m"])
        a, b = _iso(y, m, _day(g["d1"])), _iso(y, m, _day(g["d2"]))
        return {"notBefore": a, "notAfter": b} if a and b and a < b else None
    if kind == "d/dm":
        m, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
        ok = _valid(2000, m, d1) and _valid(2000, m, d2) and d1 < d2
        return (
            {"notBefore": f"--{m:02d}-{d1:02d}", "notAfter": f"--{m:02d}-{d2:02d}"} if ok else None
        )
    if kind == "d-rm-y":
        when = _iso(int(g["y"]), ROMAN_MONTHS[g["rm"]], _day(g["d"]))
        return {"when": when} if when else None
    if kind == "rm-y":
        return {"when": f"{int(g['y']):04d}-{ROMAN_MONTHS[g['rm']]:02d}"}
    if kind in ("dm-dmy", "dm-and-dmy"):
        y = int(g["y"])
        a, b = _iso(y, _month(g["m1"]), _day(g["d1"])), _iso(y, _month(g["m2"]), _day(g["d2"]))
        return {"from": a, "to": b} if a and b and a < b else None
    if kind in ("d-dmy", "md-dy"):
        y, m = int(g["y"]), _month(g["m"])
        a, b = _iso(y, m, _day(g["d1"])), _iso(y, m, _day(g["d2"]))
        return {"from": a, "to": b} if a and b and a < b else None
    if kind == "iso":
        when = _iso(int(g["y"]), int(g["m"]), _day(g["d"]))
        return {"when": when} if when else None
    if kind in ("dmy", "mdy"):
        when = _iso(int(g["y"]), _month(g["m"]), _day(g["d"]))
        return {"when": when} if when else None
    if kind == "my":
        return {"when": f"{int(g['y']):04d}-{_month(g['m']):02d}"}
    if kind in ("dm", "md"):
        m, d = _month(g["m"]), _day(g["d"])
        return {"when": f"--{m:02d}-{d:02d}"} if _valid(2000, m, d) else None  # 2000: a leap year
    if kind == "d/m/yy":
        d, m = int(g["d"]), int(g["m"])
        order = SAME_YEAR if d > 12 or m > 12 or d == m else SAME_YEAR_ORDER_UNKNOWN
        d, m = (m, d) if m > 12 else (d, m)
        return {"when": f"{order}{g['yy']}-{m:02d}-{d:02d}"} if _valid(2000, m, d) else None
    if kind in ("d-rm-yy", "d-m-yy", "d-rm"):
        m = ROMAN_MONTHS[g["rm"]] if "rm" in g else int(g["m"])
        d = _day(g["d"])
        if not _valid(2000, m, d):
            return None
        if kind == "d-rm":
            return {"when": f"--{m:02d}-{d:02d}"}
        return {
            "when": f"{NO_CENTURY if kind == 'd-rm-yy' else SAME_YEAR}{g['yy']}-{m:02d}-{d:02d}"
        }
    if kind == "y-y":
        y1, tail = int(g["y1"]), g["y2"]
        if len(tail) == 3:
            return None
        y2 = int(str(y1)[: 4 - len(tail)] + tail)
        return {"from": f"{y1:04d}", "to": f"{y2:04d}"} if y1 < y2 <= y1 + 100 else None
    if kind == "decade":
        start = int(g["dec"])
        return {"notBefore": f"{start:04d}", "notAfter": f"{start + 9:04d}"}
    if kind == "y":
        return {"when": g["y"]}
    return None


def century(when: str, context_year: str) -> str | None:
    """A date without its century (``..56-03-31``, ``::56-06-05``) completed from a year of its context.

    ``..`` takes the century that puts the year closest to the context year (at most 30 years apart);
    ``::`` only accepts the context year itself. None when that does not work out (or the day does not exist).
    """
    if not when.startswith((NO_CENTURY, SAME_YEAR)):
        return when
    yy, month, day = int(when[2:4]), int(when[5:7]), int(when[8:10])
    cy = int(context_year)
    if when.startswith(SAME_YEAR):
        year = cy if cy % 100 == yy else None
    else:
        best = min(
            (c * 100 + yy for c in (cy // 100 - 1, cy // 100, cy // 100 + 1)),
            key=lambda y: abs(y - cy),
        )
        year = best if abs(best - cy) <= 30 else None
    if year is None or not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, *, trained: bool = False) -> list[DateMention]:
    """Every date in a running text, in order, without overlaps (leftmost-longest).

    An impossible day (31 June 1956) is no date, and its month and year are not taken for one either.
    ``trained``: only the English forms the block labeller's features were trained on.
    """
    found: list[tuple[DateMention, bool]] = []
    parts, patterns = (_PARTS_EN, _PATTERNS_NEEDING_EN) if trained else (_PARTS, _PATTERNS_NEEDING)
    for lo, hi in _windows(text):
        has = {name for name, rx in parts if rx.search(text, lo, hi)}
        for kind, rx, needs in patterns:
            if not needs <= has:
                continue  # a part every match of the pattern holds is nowhere in the window
            for m in rx.finditer(text, lo, hi):
                attrs = _attrs(kind, {k: v for k, v in m.groupdict().items() if v is not None})
                if attrs or kind in _BLOCKING:
                    found.append(
                        (DateMention(m.start(), m.end(), m.group(0), attrs or {}), bool(attrs))
                    )
    found.sort(key=lambda f: (f[0].start, f[0].start - f[0].end))
    chosen: list[tuple[DateMention, bool]] = []
    for f in found:
        if not chosen or f[0].start >= chosen[-1][0].end:
            chosen.append(f)
    return [d for d, real in chosen if real]


_DIGITS = re.compile(r"\d+")
_REACH = 48  # characters around digits that can belong to the same date ("24 September to 11 ...")


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around digits: every date has one, and most prose has none."""
    windows: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        lo, hi = max(0, m.start() - _REACH), min(len(text), m.end() + _REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


#: Patterns naming a day: when the day is impossible the span is still no date of a coarser kind.
_BLOCKING = frozenset(
    {"dmy-dmy", "mdy-mdy", "md-mdy", "dm-dmy", "dm-and-dmy", "d-dmy", "md-dy", "d/dmy", "md/dy"}
    | {"dmy", "mdy", "d-rm-y"}
)

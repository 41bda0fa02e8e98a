"""The years a document gives for its dates without one, for the dates pass (``transforms/dates.py``).

A diary's entry heading without a year ("Monday, 4 April", "le 5 avril") takes the year of the entry
before it (entries run in the order of time) or, for the first, the year the document states for itself
(its header's date, else the one year of its heading: "Diary 1956"); a weekday beside the date must fit
that year. A two-digit year ("12.3.56") takes the century of the document's other dates when they all lie
in one. Whatever is not certain is left without a year.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.dates import NO_CENTURY, SAME_YEAR, SAME_YEAR_ORDER_UNKNOWN, DateMention, century
from teiedit.document import TeiDocument, tei, xpath
from teiedit.entities.spans import FlatText
from teiedit.months import WEEKDAYS

_HEAD, _DIV, _BODY = tei("head"), tei("div"), tei("body")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_WORD = re.compile(r"[^\W\d_]+")
#: Where the header states the document's date (an editor's, or an earlier conversion's).
_HEADER_DATES = (
    "tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']/tei:date/@when"
    " | tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when"
)


def is_entry_head(el: etree._Element) -> bool:
    """Whether ``el`` is the heading of a diary's entry (``div[@type='entry']/head``)."""
    parent = el.getparent()
    return el.tag == _HEAD and parent is not None and parent.get("type") == "entry"


def partial(value: str) -> bool:
    """A value still without its year (``--06-05``) or century (``..56-03-31``)."""
    return value.startswith(("--", NO_CENTURY, SAME_YEAR, SAME_YEAR_ORDER_UNKNOWN))


def complete(attrs: dict[str, str], year: str) -> dict[str, str] | None:
    """Every value given its year from ``year`` (None when one of them does not exist in that year, or
    its day and month may be either way round)."""
    done: dict[str, str] = {}
    for name, value in attrs.items():
        if value.startswith("--"):
            if not _exists(year, value):
                return None
            done[name] = year + value[1:]
        elif value.startswith(SAME_YEAR_ORDER_UNKNOWN):
            return None
        elif partial(value):
            full = century(value, year)
            if full is None:
                return None
            done[name] = full
        else:
            done[name] = value
    return done


def _exists(year: str, month_day: str) -> bool:
    """Whether ``--MM-DD`` exists in ``year`` (29 February)."""
    m, d = int(month_day[2:4]), int(month_day[5:7])
    return d <= calendar.monthrange(int(year), m)[1]


def _years(attrs: dict[str, str]) -> set[str]:
    return {v[:4] for v in attrs.values() if not partial(v) and v[:4].isdigit()}


@dataclass
class YearContext:
    """What one text says about the years of its dates."""

    #: Every year its dates name (also those precise only to the year: "1956" in a title).
    years: set[str]
    #: The one year the document states for itself ("" when it states none, or several).
    own_year: str
    #: The full date of the last entry heading seen ("" before the first).
    last_entry: str = field(default="")

    @classmethod
    def of(
        cls,
        doc: TeiDocument,
        text_el: etree._Element,
        found_all: list[tuple[FlatText, list[tuple[tuple[int, ...], DateMention]]]],
    ) -> YearContext:
        years = {y for _, fs in found_all for _, f in fs for y in _years(f.attrs)}
        stated = {str(v)[:4] for v in xpath(doc.root, _HEADER_DATES) if str(v)[:4].isdigit()}
        if not stated:
            heading = _heading(text_el)
            stated = {
                y
                for flat, fs in found_all
                if flat.container is heading
                for _, f in fs
                for y in _years(f.attrs)
            }
        return cls(years, next(iter(stated)) if len(stated) == 1 else "")

    def entry_year(self, attrs: dict[str, str], text: str) -> tuple[dict[str, str] | None, str]:
        """An entry heading's date given its year, or None and why not."""
        year = self.last_entry[:4] or self.own_year
        if not year:
            return None, "no year in the document's heading or an earlier entry"
        full = complete(attrs, year)
        if full is None:
            return None, f"no such day in {year}"
        when = full.get("when", "")
        if self.last_entry and when[:10] < self.last_entry:
            return None, f"before the entry of {self.last_entry}: the year may have changed"
        days = {WEEKDAYS[w.lower()] for w in _WORD.findall(text) if w.lower() in WEEKDAYS}
        if days and _FULL_DAY.fullmatch(when):
            if days != {datetime.date.fromisoformat(when).weekday()}:
                return None, f"its weekday does not fit {year}"
        return full, ""

    def entry_seen(self, attrs: dict[str, str]) -> None:
        """Remember an entry heading's date (full, or given its year): the next entries follow it."""
        when = attrs.get("when", "")
        if _FULL_DAY.fullmatch(when):
            self.last_entry = when

    def by_century(self, attrs: dict[str, str]) -> dict[str, str] | None:
        """A two-digit year given the century of all the text's other dates, when they share one (a
        day.month.year date only when its very year is named too), else None."""
        centuries = {y[:2] for y in self.years}
        if len(centuries) != 1 or any(v.startswith("--") for v in attrs.values()):
            return None
        done: dict[str, str] = {}
        for name, value in attrs.items():
            if not partial(value):
                done[name] = value
                continue
            year = next(iter(centuries)) + value[2:4]
            if value.startswith(SAME_YEAR) and year not in self.years:
                return None
            full = complete({name: value}, year)
            if full is None:
                return None
            done.update(full)
        return done

    def undecided(self, attrs: dict[str, str]) -> bool:
        """Whether a date of day and month either way round ("12/3/56") has its year named in the text:
        a date, of which only the day is not known."""
        values = {k: v.replace(SAME_YEAR_ORDER_UNKNOWN, SAME_YEAR, 1) for k, v in attrs.items()}
        return values != attrs and self.by_century(values) is not None


def _heading(text_el: etree._Element) -> etree._Element | None:
    """The heading of the text's body, or of its first division (where a document names itself)."""
    body = text_el.find(_BODY)
    if body is None:
        return None
    head = body.find(_HEAD)
    if head is None:
        div = body.find(_DIV)
        head = div.find(_HEAD) if div is not None else None
    return head

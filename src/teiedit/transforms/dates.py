"""TagDates: mark dates in running text as ``date`` with ISO ``@when``, ``@from``/``@to`` or
``@notBefore``/``@notAfter`` and ``@resp="#teiedit"``.

A day and month without a year (``5 June`` in a diary headed ``24 May to 11 June 1956``) takes the year of
the nearest date before it in reading order (a note reads at its anchor) that is precise to the month, if
that is at most ``YEAR_REACH`` characters back, and then carries ``@cert="medium"``; otherwise it stays
untagged and is recorded (the edition's schema wants full ISO dates, not ``--06-05``). Dates with a
two-digit year (``31-III-56``, ``5.6.56``) take their century from that year the same way.
Dates already marked (by a reader or an editor) are left alone and not looked into; teiedit's own earlier
dates are removed and found afresh. The header is not touched.
"""

from __future__ import annotations

import bisect
import calendar

from lxml import etree

from teiedit.dates import NO_CENTURY, SAME_YEAR, DateMention, century, find_dates
from teiedit.diagnostics import Diagnostic
from teiedit.document import RESP_TEIEDIT as RESP
from teiedit.document import TeiDocument, tei, text_roots
from teiedit.entities.spans import FlatText, containers, inner_span
from teiedit.entities.wrap import clean_span, unwrap, wrap
from teiedit.transforms import PassContext, register
from teiedit.transforms.entities import FLAT_TEXTS

#: How far back (characters of running text) a year may be taken for a date without one.
YEAR_REACH = 3000
DATE = tei("date")


@register
class TagDates:
    name = "dates"

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("dates", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        count = 0
        # the containers the pass before (entities) read and left as they were
        known: dict[etree._Element, FlatText] = ctx.received.get(FLAT_TEXTS, {})
        for text_el in text_roots(doc.root):
            olds = [old for old in text_el.iter(DATE) if old.get("resp") == RESP]
            for old in olds:
                unwrap(old)
            # First all dates with their place in reading order (a note reads where its anchor is) ...
            found_all: list[tuple[FlatText, list[tuple[tuple[int, ...], DateMention]]]] = []
            prefix: dict[etree._Element, tuple[int, ...]] = {}
            marked: list[tuple[tuple[int, ...], str]] = []
            running = 0
            for flat in containers(text_el, None if olds else known):
                base = prefix.get(flat.container)
                if base is None:
                    base, running = (running,), running + len(flat.text) + 1

                def key(i: int, base: tuple[int, ...] = base) -> tuple[int, ...]:
                    return base[:-1] + (base[-1] + i,) if len(base) == 1 else base + (i,)

                for seg in flat.segments:
                    if seg.atom and seg.node in flat.nested:
                        prefix[seg.node] = key(seg.start) + (0,)
                    elif seg.atom and seg.node.tag == DATE and len(seg.node.get("when", "")) >= 7:
                        marked.append((key(seg.start), seg.node.get("when", "")[:4]))  # a dateline
                found_all.append((flat, [(key(f.start), f) for f in find_dates(flat.text)]))
            years = sorted(
                [(k, y) for _, fs in found_all for k, f in fs if (y := _year_of(f))] + marked
            )
            # ... then the dates, each day and month without a year taking the year of the last date before it.
            for flat, fs in found_all:
                plans: list[tuple[DateMention, dict[str, str]]] = []
                for k, found in fs:
                    attrs = dict(found.attrs)
                    if any(_partial(v) for v in attrs.values()):
                        i = bisect.bisect_left(years, (k,)) - 1
                        full = None
                        if i >= 0 and k[0] - years[i][0][0] <= YEAR_REACH:
                            full = _complete(attrs, years[i][1])
                        if full is None:
                            ctx.record(
                                self.name,
                                {
                                    "document": doc.name,
                                    "text": found.text,
                                    "reason": "no year nearby",
                                },
                            )
                            continue
                        attrs = {**full, "cert": "medium"}
                    plans.append((found, attrs))
                for found, attrs in reversed(plans):
                    s, e = flat.start_position(found.start), flat.end_position(found.end)
                    span = (
                        clean_span(s, e, flat.container)
                        if s and e
                        else inner_span(flat, found.start, found.end)
                    )
                    if span is None:
                        ctx.record(
                            self.name,
                            {"document": doc.name, "text": found.text, "reason": "crosses markup"},
                        )
                        continue
                    el = etree.Element(tei("date"))
                    for name, value in attrs.items():
                        el.set(name, value)
                    el.set("resp", RESP)
                    wrap(span[0], span[1], el)
                    count += 1
        if count:
            ctx.record(self.name, {"document": doc.name, "dates": count})
        return []


def _year_of(found: DateMention) -> str | None:
    """The year of a date precise to the month or day (a diary's heading, a letter's date), else None."""
    a = found.attrs
    value = a.get("when") or a.get("to") or a.get("notAfter") or ""
    return value[:4] if len(value) >= 7 and value[:4].isdigit() else None


def _partial(value: str) -> bool:
    """A value still without its year (``--06-05``) or century (``..56-03-31``)."""
    return value.startswith(("--", NO_CENTURY, SAME_YEAR))


def _complete(attrs: dict[str, str], year: str) -> dict[str, str] | None:
    """Every value given its year from ``year`` (None when one of them does not exist in that year)."""
    done: dict[str, str] = {}
    for name, value in attrs.items():
        if value.startswith("--"):
            if not _exists(year, value):
                return None
            done[name] = year + value[1:]
        elif _partial(value):
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

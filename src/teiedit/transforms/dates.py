"""TagDates: mark dates in running text as ``date`` with ISO ``@when``, ``@from``/``@to`` or
``@notBefore``/``@notAfter`` and ``@resp="#teiedit"``.

A day and month without a year (``5 June`` in a diary headed ``24 May to 11 June 1956``) takes the year of
the nearest date before it in reading order (a note reads at its anchor) that is precise to the month, if
that is at most ``YEAR_REACH`` characters back, and then carries ``@cert="medium"``; otherwise it stays
untagged and is recorded (the edition's schema wants full ISO dates, not ``--06-05``). Dates with a
two-digit year (``31-III-56``, ``5.6.56``) take their century from that year the same way, else from all
the text's dates when they lie in one century. A diary's entry heading (``Monday, 2 April``) takes the
year of the entry before it or the year the document states for itself (``dates_context``); one whose
year is not certain, and a ``12/3/56`` whose day and month may be either way round, is tagged without a
value. Every such decision is recorded with its reason.
Dates already marked (by a reader or an editor) are left alone and not looked into; teiedit's own earlier
dates are removed and found afresh. The header is not touched.
"""

from __future__ import annotations

import bisect

from lxml import etree

from teiedit.dates import DateMention, find_dates
from teiedit.dates_context import YearContext, complete, is_entry_head, partial
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
            context = YearContext.of(doc, text_el, found_all)
            # ... then the dates, each day and month without a year taking the year of the last date before it.
            for flat, fs in found_all:
                plans: list[tuple[DateMention, dict[str, str]]] = []
                entry_head = is_entry_head(flat.container)
                for k, found in fs:
                    attrs = dict(found.attrs)
                    if any(partial(v) for v in attrs.values()):
                        i = bisect.bisect_left(years, (k,)) - 1
                        full, why = None, ""
                        if entry_head:
                            full, why = context.entry_year(attrs, flat.text)
                        if full is None and i >= 0 and k[0] - years[i][0][0] <= YEAR_REACH:
                            full = complete(attrs, years[i][1])
                        if full is None:
                            full = context.by_century(attrs)
                        if full is None:
                            undecided = not entry_head and context.undecided(attrs)
                            on_its_own = entry_head or undecided
                            reason = (
                                why
                                if entry_head
                                else "day and month may be either way round"
                                if undecided
                                else "no year nearby"
                            )
                            ctx.record(
                                self.name,
                                {
                                    "document": doc.name,
                                    "text": found.text,
                                    "reason": reason
                                    + ("; tagged without a date value" if on_its_own else ""),
                                },
                            )
                            if not on_its_own:
                                continue
                            attrs = {}
                        else:
                            attrs = {**full, "cert": "medium"}
                    if entry_head:
                        context.entry_seen(attrs)
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

"""TagDates: mark dates in running text as ``date`` with ISO ``@when``, ``@from``/``@to`` or
``@notBefore``/``@notAfter`` and ``@resp="#teiedit"``.

Dates already marked (by a reader or an editor) are left alone and not looked into; teiedit's own
earlier dates are removed and found afresh. The header is not touched.
"""

from __future__ import annotations

from lxml import etree

from teiedit.dates import find_dates
from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument, tei
from teiedit.entities.spans import clean_span, containers, unwrap, wrap
from teiedit.transforms import PassContext, register
from teiedit.transforms.entities import RESP, text_roots


@register
class TagDates:
    name = "dates"
    priority = 450  # after entities (names are not looked into), before ids

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("dates", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        count = 0
        for text_el in text_roots(doc):
            for old in list(text_el.iter(tei("date"))):
                if old.get("resp") == RESP:
                    unwrap(old)
            for flat in containers(text_el):
                for found in reversed(find_dates(flat.text)):
                    s, e = flat.start_position(found.start), flat.end_position(found.end)
                    span = clean_span(s, e, flat.container) if s and e else None
                    if span is None:
                        ctx.record(self.name, {"document": doc.name, "text": found.text,
                                               "reason": "crosses markup"})
                        continue
                    el = etree.Element(tei("date"))
                    for key, value in found.attrs.items():
                        el.set(key, value)
                    el.set("resp", RESP)
                    wrap(span[0], span[1], el)
                    count += 1
        if count:
            ctx.record(self.name, {"document": doc.name, "dates": count})
        return []

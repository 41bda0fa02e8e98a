"""DocumentDate: state in the header when a document was written, if only its text says so.

Letters carry their date in ``correspDesc``; many other documents (memoranda, reports inside a bulletin)
state it only in their heading, opener or dateline. Index, timeline and print order need one date per
document, so this pass copies the first normalised date found in those places into
``profileDesc/creation/date`` (marked ``@resp="#teiedit"``). The header is not part of the original reading.
A header that already states a date (``correspAction/date``, ``creation/date``) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import TEI_NS, TeiDocument, xpath
from teiedit.transforms import PassContext, register

#: Where a document states its own date, in the order they are trusted: the body's ``opener``,
#: ``dateline``, the first heading of its first division, its own first heading, its ``closer``.
_PLACES = ("opener", "dateline", "div-head", "head", "closer")
_DATE = f"{{{TEI_NS}}}date"
_DATE_ATTS = ("when", "from", "to", "notBefore", "notAfter")


def _stated_in_header(doc: TeiDocument) -> bool:
    return bool(
        xpath(
            doc.root,
            "tei:teiHeader/tei:profileDesc/tei:correspDesc//tei:date[@when or @from or "
            "@notBefore] | tei:teiHeader/tei:profileDesc/tei:creation",
        )
    )


def _first_date(doc: TeiDocument) -> etree._Element | None:
    bodies = [b for t in doc.root.iterchildren(f"{{{TEI_NS}}}text") for b in t.iterchildren(_BODY)]
    for place in _PLACES:
        in_head = "head" in place
        for el in _dates_in(bodies, place):
            # a heading also names periods ("... 1953-1964"): from there only a day or month counts
            if in_head and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", el.get("when", "")):
                continue
            if any(el.get(a) for a in ("when", "from", "notBefore")):
                return el
    return None


def _dates_in(bodies: list[etree._Element], place: str) -> Iterator[etree._Element]:
    """The dates of one of ``_PLACES`` in the bodies, in document order (the first is what counts).

    Elements found by tag in one walk of the tree: an XPath with ``//`` gathered and sorted every node of
    the body for each place.
    """
    for body in bodies:
        if place in ("div-head", "head"):
            parent = body.find(_DIV) if place == "div-head" else body
            head = parent.find(_HEAD) if parent is not None else None
            if head is not None:
                yield from head.iter(_DATE)
            continue
        for holder in body.iter(f"{{{TEI_NS}}}{place}"):
            # a holder inside another holder gives its dates again: they come after the first ones
            yield from holder.iter(_DATE)


_BODY, _DIV, _HEAD = (f"{{{TEI_NS}}}{name}" for name in ("body", "div", "head"))


@register
class DocumentDate:
    name = "document-date"

    def enabled(self, ctx: PassContext) -> bool:
        return True

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        profile = xpath(doc.root, "tei:teiHeader/tei:profileDesc")
        if not profile or _stated_in_header(doc):
            return []
        found = _first_date(doc)
        if found is None:
            return []
        date = etree.Element(f"{{{TEI_NS}}}date")
        for att in _DATE_ATTS:
            if found.get(att):
                date.set(att, found.get(att))
        if found.get("cert"):
            date.set("cert", found.get("cert"))
        date.set("resp", "#teiedit")
        date.text = " ".join("".join(found.itertext()).split())
        creation = etree.SubElement(profile[0], f"{{{TEI_NS}}}creation")
        creation.append(date)
        ctx.record(
            self.name,
            {
                "document": doc.name,
                "date": found.get("when") or found.get("from") or found.get("notBefore"),
                "text": date.text,
            },
        )
        return []

"""DocumentDate: state in the header when a document was written, if only its text says so.

Letters carry their date in ``correspDesc``; many other documents (memoranda, reports inside a bulletin)
state it only in their heading, opener or dateline. Index, timeline and print order need one date per
document, so this pass copies the first normalised date found in those places into
``profileDesc/creation/date`` (marked ``@resp="#teiedit"``). The header is not part of the original reading.
A header that already states a date (``correspAction/date``, ``creation/date``) is left alone.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import TEI_NS, TeiDocument, xpath
from teiedit.transforms import PassContext, register

#: Where a document states its own date, in the order they are trusted.
_PLACES = (
    "tei:text/tei:body//tei:opener//tei:date",
    "tei:text/tei:body//tei:dateline//tei:date",
    "tei:text/tei:body/tei:div[1]/tei:head[1]//tei:date",
    "tei:text/tei:body/tei:head[1]//tei:date",
    "tei:text/tei:body//tei:closer//tei:date",
)
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
    for place in _PLACES:
        in_head = "head" in place
        for el in xpath(doc.root, place):
            # a heading also names periods ("... 1953-1964"): from there only a day or month counts
            if in_head and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", el.get("when", "")):
                continue
            if any(el.get(a) for a in ("when", "from", "notBefore")):
                return el
    return None


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

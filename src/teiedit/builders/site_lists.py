"""The inputs of the index pages and the timeline (builders/sitedata.py has the registers' and entities'):
what each shows of the documents' summaries, and the points the timeline chart draws."""

from __future__ import annotations

import math

from lxml import etree

from teiedit.builders.sitedata import (
    INDEX_DIR,
    NSMAP,
    PAGE_SIZE,
    REGISTERS,
    SiteData,
    doc_element,
    event_date,
    te,
)
from teiedit.document import local_name
from teiedit.summary import Summary


def index_element(
    site: SiteData, chunk: int, chunks: int, *, edition_pdf: str = ""
) -> etree._Element:
    """The input of one page of the index: its documents, and every filter value of the edition."""
    summaries = site.summaries
    out = etree.Element(
        te("index"), nsmap=NSMAP, n=str(chunk), pages=str(chunks), total=str(len(summaries))
    )
    if edition_pdf:
        out.set("edition-pdf", edition_pdf)
    years = sorted({s.year for s in summaries if s.year})
    kinds = sorted({s.kind for s in summaries if s.kind})
    filters = etree.SubElement(out, te("filters"))
    for y in years:
        etree.SubElement(filters, te("year"), value=y)
    for k in kinds:
        etree.SubElement(filters, te("kind"), value=k)
    for kind, (register, _) in REGISTERS.items():
        rows = sorted(
            (d.info for d in site.entries.values() if d.info.kind == kind and d.docs),
            key=lambda i: i.name.lower(),
        )
        for info in rows:
            etree.SubElement(filters, te("entity"), kind=register, id=info.slug, name=info.name)
    first = (chunk - 1) * PAGE_SIZE
    shown = summaries[first : first + PAGE_SIZE]
    out.set("first", str(first + 1))
    out.set("last", str(first + len(shown)))
    for s in shown:
        doc = doc_element("doc", s, source=s.source)
        by_kind: dict[str, list[str]] = {"person": [], "place": [], "org": []}
        for entry_id in s.entries():
            d = site.entries.get(entry_id)
            if d is not None:
                by_kind[d.info.kind].append(d.info.slug)
        for kind, (register, _) in REGISTERS.items():
            doc.set(register, " ".join(by_kind[kind]))
        for role, parties in (("sent", s.senders), ("received", s.addressees)):
            for p in parties:
                d = site.entries.get(p.ref)
                etree.SubElement(doc, te("party"), role=role).text = d.info.name if d else p.name
        out.append(doc)
    return out


def index_page_name(chunk: int) -> str:
    return "index.html" if chunk == 1 else f"{INDEX_DIR}/{chunk}.html"


def chunk_count(summaries: list[Summary]) -> int:
    return max(1, math.ceil(len(summaries) / PAGE_SIZE))


def timeline_data(site: SiteData) -> list[list[str]]:
    """The timeline's points: [date, label, href, lane], documents (lane: their kind) and the dates of
    register entries (births, deaths, events), in date order."""
    points: list[list[str]] = []
    for s in site.summaries:
        if s.sort_date:
            points.append([s.sort_date, s.title[:120], f"{s.page}.html", s.kind or "document"])
    for d in site.entries.values():
        el = d.element
        if el is None:
            continue
        for child in el:
            what = local_name(child) if isinstance(child.tag, str) else ""
            if what in ("birth", "death", "floruit", "event"):
                when = event_date(child)
                if when[:4].isdigit():
                    label = f"{d.info.name}: {what}" if what != "event" else d.info.name
                    points.append([when, label[:120], d.info.href, "register"])
    points.sort(key=lambda p: (p[0], p[1]))
    return points


def timeline_element(site: SiteData) -> etree._Element:
    """The input of the timeline page: every document (small editions) or the count of each year with
    the page of the index where it begins (large ones)."""
    out = etree.Element(te("timeline"), nsmap=NSMAP, total=str(len(site.summaries)))
    if len(site.summaries) <= PAGE_SIZE:
        for s in site.summaries:
            out.append(doc_element("doc", s))
        return out
    years: dict[str, tuple[int, int]] = {}
    for i, s in enumerate(site.summaries):
        key = s.year or "Undated"
        count, first = years.get(key, (0, i))
        years[key] = (count + 1, first)
    for year, (count, first) in years.items():
        href = index_page_name(first // PAGE_SIZE + 1)
        etree.SubElement(out, te("year"), year=year, count=str(count), href=href)
    return out

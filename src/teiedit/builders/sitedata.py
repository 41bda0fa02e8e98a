"""The site-level pages of the web edition as a function of the documents' summaries (teiedit/summary.py)
and the registers: the index (in pages of PAGE_SIZE documents), the timeline, the register overviews
(alphabetical sections), one page per person, place and organisation (its mentions in context, paged),
and the data the timeline and the maps draw.

Mentions are grouped once, here, in one pass over the summaries (O(mentions)); the stylesheets get what
each page shows as data and only render it. No tree of a document is read.
"""

from __future__ import annotations

import copy
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from teiedit.builders.sortnames import index_name, sort_key
from teiedit.document import TEI_NS, XML_ID, local_name, tei
from teiedit.facts import normalize_space as normalize_text
from teiedit.facts import safe_id
from teiedit.registers import Entry, Registers
from teiedit.summary import Mention, Summary

TE_NS = "urn:teiedit"
NSMAP = {"te": TE_NS, None: TEI_NS}
#: Documents per page of the index.
PAGE_SIZE = 1000
#: Documents whose mentions an entity page shows; more go on further pages of that entity.
MENTION_DOCS_PER_PAGE = 200
#: Mentions in context shown per document on an entity page (the rest are counted and linked).
MENTIONS_PER_DOC = 12
#: Entities shown as co-occurring with an entity.
COOCCURRING = 30
#: Imported documents named as where an entry comes from (an entry of a letter edition's registers may be
#: in every letter); the rest are counted.
ORIGINS_SHOWN = 12
#: Register pages: each kind of entry, its page and its title.
REGISTERS = {
    "person": ("persons", "Persons"),
    "place": ("places", "Places"),
    "org": ("orgs", "Organisations"),
}
#: Where the entity pages are (relative to the site root).
ENTITY_DIR = "entities"
#: Where the further pages of the index are.
INDEX_DIR = "documents"


def te(name: str) -> str:
    return f"{{{TE_NS}}}{name}"


@dataclass(frozen=True)
class EntryInfo:
    """What the site shows of a register entry outside its own page."""

    id: str
    kind: str  # person | place | org
    name: str
    description: str
    dates: str
    slug: str
    geo: tuple[float, float] | None = None
    forms: tuple[str, ...] = ()  # every written form of its name (for the search's expansions)

    @property
    def register(self) -> str:
        return REGISTERS[self.kind][0]

    @property
    def href(self) -> str:
        """The entity page, relative to the site root."""
        return f"{ENTITY_DIR}/{self.slug}.html"


_PREFERRED = ("main", "preferred", "reg", "standard")


def entry_name(el: etree._Element) -> str:
    """The preferred name of an entry element (as the stylesheets' te:entry-name)."""
    names = [c for c in el if local_name(c) in ("persName", "placeName", "orgName", "name")]
    best = (
        [n for n in names if n.get("type") in _PREFERRED]
        + [n for n in names if not n.get("type")]
        + names
    )
    text = normalize_text("".join(best[0].itertext())) if best else ""
    return text or el.get(XML_ID, "")


#: Where an entry says what it is, in order of preference (as the stylesheets' te:entry-description).
_DESCRIPTIONS: tuple[tuple[str, tuple[str | None, ...] | None], ...] = (
    ("note", (None, "description", "desc", "short")),
    ("desc", None),
    ("occupation", None),
    ("roleName", None),
    ("note", None),
)


def _description(el: etree._Element) -> str:
    children = [c for c in el if isinstance(c.tag, str)]
    for name, types in _DESCRIPTIONS:
        found = [
            c
            for c in children
            if local_name(c) == name and (types is None or c.get("type") in types)
        ]
        if found:
            return normalize_text("".join(found[0].itertext()))
    return ""


def event_date(el: etree._Element) -> str:
    for attr in ("when", "from", "notBefore", "notAfter", "to"):
        value = el.get(attr)
        if value:
            return str(value)
    return normalize_text("".join(el.itertext()))


def _dates(el: etree._Element) -> str:
    birth = [event_date(c) for c in el.findall(tei("birth"))]
    death = [event_date(c) for c in el.findall(tei("death"))]
    if birth or death:
        return f"{birth[0] if birth else '?'}\u2013{death[0] if death else ''}".rstrip("\u2013")
    return ""


def parse_geo(text: str) -> tuple[float, float] | None:
    """Latitude and longitude from a TEI ``geo`` ("lat lon" in decimal degrees), or None."""
    parts = text.replace(",", " ").split()
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def entry_info(entry: Entry) -> EntryInfo:
    el = entry.element
    if el is None:
        return EntryInfo(entry.id, entry.kind, entry.name, entry.description, "", safe_id(entry.id))
    geo_el = el.find(f"{tei('location')}/{tei('geo')}")
    geo = parse_geo(geo_el.text or "") if geo_el is not None else None
    forms = [v.text for v in entry.variants if not v.is_short] or list(entry.names)
    return EntryInfo(
        id=entry.id,
        kind=entry.kind,
        name=entry_name(el) or entry.id,
        description=_description(el),
        dates=_dates(el),
        slug=safe_id(entry.id),
        geo=geo,
        forms=tuple(dict.fromkeys(forms)),
    )


@dataclass
class EntityData:
    """An entry's place in the edition: the documents naming it, with their mentions, and its letters."""

    info: EntryInfo
    element: etree._Element | None = None
    docs: dict[int, list[int]] = field(default_factory=dict)  # summary index -> mention indexes
    sent: list[int] = field(default_factory=list)
    received: list[int] = field(default_factory=list)


@dataclass
class SiteData:
    """Every entry with its documents, computed in one pass over the summaries."""

    summaries: list[Summary]
    entries: dict[str, EntityData]
    _by_page: dict[str, int] | None = field(default=None, repr=False)
    #: The entries each document names, made once (every entry's page counts through its documents').
    _named: dict[int, list[str]] = field(default_factory=dict, repr=False)
    #: Mentions ``ks`` of document ``i`` with their anchors, texts and contexts (the summaries of a
    #: loaded edition hold the entries only: teiedit.edition.Edition.mention_contexts).
    contexts: Callable[[int, list[int]], list[Mention]] | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls,
        summaries: list[Summary],
        registers: Registers,
        contexts: Callable[[int, list[int]], list[Mention]] | None = None,
    ) -> SiteData:
        entries = {e.id: EntityData(entry_info(e), e.element) for e in registers.entries.values()}
        for i, s in enumerate(summaries):
            for k, m in enumerate(s.mentions):
                data = entries.get(m.entry)
                if data is not None:
                    data.docs.setdefault(i, []).append(k)
            for party in s.senders:
                if party.ref in entries and i not in entries[party.ref].sent:
                    entries[party.ref].sent.append(i)
            for party in s.addressees:
                if party.ref in entries and i not in entries[party.ref].received:
                    entries[party.ref].received.append(i)
        return cls(summaries, entries, contexts=contexts)

    def mentions_in(self, i: int, ks: list[int]) -> list[Mention]:
        """Mentions ``ks`` of document ``i``, with their contexts."""
        if self.contexts is not None:
            return self.contexts(i, ks)
        return [self.summaries[i].mentions[k] for k in ks]

    def by_page(self) -> dict[str, int]:
        """Page name -> index of its summary."""
        if self._by_page is None:
            self._by_page = {s.page: i for i, s in enumerate(self.summaries)}
        return self._by_page

    def documents_of(self, entry_id: str) -> list[int]:
        data = self.entries[entry_id]
        return sorted({*data.docs, *data.sent, *data.received})

    def cooccurring(self, entry_id: str) -> list[tuple[str, int]]:
        """The entries named in the same documents, with the number of documents, most shared first."""
        counts: Counter[str] = Counter()
        for i in self.documents_of(entry_id):
            named = self._named.get(i)
            if named is None:
                named = self._named[i] = [
                    e for e in self.summaries[i].entries() if e in self.entries
                ]
            counts.update(named)  # each entry once per document (Summary.entries)
        counts.pop(entry_id, None)  # not co-occurring with itself
        return sorted(
            counts.items(), key=lambda kv: (-kv[1], self.entries[kv[0]].info.name.lower())
        )[:COOCCURRING]


def doc_element(tag: str, s: Summary, **extra: str) -> etree._Element:
    el = etree.Element(
        te(tag), page=s.page, title=s.title, date=s.date, year=s.year, kind=s.kind, **extra
    )
    return el


def _initial(name: str) -> str:
    first = normalize_text(name)[:1].upper()
    return first if first.isalpha() else "#"


def register_element(site: SiteData, kind: str) -> etree._Element:
    """The input of a register overview page: its entries with their counts, in alphabetical order."""
    page, title = REGISTERS[kind]
    out = etree.Element(te("register"), nsmap=NSMAP, kind=page, title=title)
    # sorted and listed as the print index does (common/names.xsl): "Brezhnev, Leonid" under B
    rows = sorted(
        (
            (sort_key(d.element) if d.element is not None else d.info.name.lower(), d.info.id, d)
            for d in site.entries.values()
            if d.info.kind == kind
        ),
        key=lambda row: (row[0], row[1]),
    )
    for key, _, d in rows:
        info = d.info
        listed = (index_name(d.element) if d.element is not None else "") or info.name
        el = etree.SubElement(
            out,
            te("entry"),
            id=info.id,
            slug=info.slug,
            name=listed,
            desc=info.description,
            dates=info.dates,
            docs=str(len(site.documents_of(info.id))),
            initial=_initial(key),
        )
        if info.geo:
            el.set("lat", f"{info.geo[0]:.5f}")
            el.set("lon", f"{info.geo[1]:.5f}")
    return out


def entry_copies(registers: Registers, entry: Entry) -> etree._Element:
    """A te:registers with the entry and the entries its own description points to."""
    out = etree.Element(te("registers"), nsmap=NSMAP)
    if entry.element is None:
        return out
    out.append(copy.deepcopy(entry.element))
    for ref in entry.element.xpath(".//@ref"):
        token = str(ref).split()[0] if str(ref).split() else ""
        other = registers.entries.get(token[1:]) if token.startswith("#") else None
        if other is not None and other is not entry and other.element is not None:
            out.append(copy.deepcopy(other.element))
    return out


def entity_pages(site: SiteData, registers: Registers, ids: Iterable[str]) -> etree._Element:
    """The input of the entity pages of the given entries: one te:entity-page per page (an entry whose
    mentions fill more than one page gets several, numbered)."""
    out = etree.Element(te("entity-pages"), nsmap=NSMAP)
    for entry_id in ids:
        data = site.entries.get(entry_id)
        entry = registers.entries.get(entry_id)
        if data is None or entry is None:
            continue
        mentioned = sorted(data.docs)
        pages = max(1, math.ceil(len(mentioned) / MENTION_DOCS_PER_PAGE))
        for n in range(1, pages + 1):
            out.append(_entity_page(site, registers, entry, data, mentioned, n, pages))
    return out


def entity_page_names(site: SiteData, entry_id: str) -> list[str]:
    """The files (relative to the site root) of an entry's pages."""
    data = site.entries[entry_id]
    pages = max(1, math.ceil(len(data.docs) / MENTION_DOCS_PER_PAGE))
    slug = data.info.slug
    return [f"{ENTITY_DIR}/{slug}.html"] + [
        f"{ENTITY_DIR}/{slug}-{n}.html" for n in range(2, pages + 1)
    ]


_ENTRY_TAGS = ("person", "personGrp", "place", "org")


def _relations(page: etree._Element, site: SiteData, entry: Entry) -> None:
    """The entry a nested entry is part of (a committee in its party), and the entries nested in it."""
    el = entry.element
    if el is None:
        return
    parent = el.getparent()
    related = [("part-of", parent)] if parent is not None else []
    related += [("part", c) for c in el if isinstance(c.tag, str)]
    for role, other in related:
        if local_name(other) not in _ENTRY_TAGS or other.get(XML_ID) not in site.entries:
            continue
        info = site.entries[str(other.get(XML_ID))].info
        etree.SubElement(page, te(role), slug=info.slug, name=info.name)


def _origins(page: etree._Element, site: SiteData, pages: list[str]) -> None:
    """The imported documents (or register files) whose own registers the entry comes from."""
    found = etree.SubElement(page, te("origins"), count=str(len(pages)))
    by_page = site.by_page()
    for name in pages[:ORIGINS_SHOWN]:
        i = by_page.get(name)
        if i is None:
            etree.SubElement(found, te("file"), name=name)
        else:
            found.append(doc_element("doc", site.summaries[i]))


def _entity_page(
    site: SiteData,
    registers: Registers,
    entry: Entry,
    data: EntityData,
    mentioned: list[int],
    n: int,
    pages: int,
) -> etree._Element:
    info = data.info
    page = etree.Element(
        te("entity-page"),
        nsmap=NSMAP,
        id=info.id,
        slug=info.slug,
        href=entity_page_names(site, info.id)[n - 1],
        kind=info.register,
        name=info.name,
        n=str(n),
        pages=str(pages),
        docs=str(len(mentioned)),
        mentions=str(sum(len(v) for v in data.docs.values())),
    )
    if info.geo:
        page.set("lat", f"{info.geo[0]:.5f}")
        page.set("lon", f"{info.geo[1]:.5f}")
    page.append(entry_copies(registers, entry))
    _relations(page, site, entry)
    if n == 1 and registers.origins.get(info.id):
        _origins(page, site, registers.origins[info.id])
    if n == 1:
        letters = etree.SubElement(page, te("letters"))
        for role, indexes in (("sent", data.sent), ("received", data.received)):
            for i in indexes:
                letters.append(doc_element("doc", site.summaries[i], role=role))
        co = etree.SubElement(page, te("cooccurring"))
        for other, count in site.cooccurring(info.id):
            o = site.entries[other].info
            etree.SubElement(
                co, te("e"), slug=o.slug, name=o.name, kind=o.register, docs=str(count)
            )
    ms = etree.SubElement(page, te("mentions"))
    for i in mentioned[(n - 1) * MENTION_DOCS_PER_PAGE : n * MENTION_DOCS_PER_PAGE]:
        s = site.summaries[i]
        shown = data.docs[i]
        doc = ms.makeelement(te("doc"), {"count": str(len(shown))})
        for attr, value in (("page", s.page), ("title", s.title), ("date", s.date)):
            doc.set(attr, value)
        ms.append(doc)
        for m in site.mentions_in(i, shown[:MENTIONS_PER_DOC]):
            etree.SubElement(
                doc, te("m"), anchor=m.anchor, before=m.before, after=m.after
            ).text = m.text
    return page

"""What the harvesting formats say about a document or a register entry, read once from the TEI:
titles, dates, languages, creators and addressees, rights, the page and TEI URLs. JSON-LD, OAI-PMH's
Dublin Core, DTS's ``dublinCore`` and IIIF's metadata are all made from these records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from lxml import etree

from teiedit.builders.corpus import referenced_ids
from teiedit.config import Settings
from teiedit.document import TEI_NS, XML_LANG, register_pointer, text_of, xpath
from teiedit.edition import Edition, EditionDoc
from teiedit.epoch import source_date_epoch
from teiedit.facts import safe_id
from teiedit.imported_registers import joined_id
from teiedit.registers import Entry

#: The site page of each register kind (the web edition's register pages).
NS = {"tei": TEI_NS}
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def site_url(settings: Settings, rel: str) -> str:
    """The URL of a site file: absolute under the edition's base_url, else relative to the site."""
    base = settings.base_url
    return f"{base.rstrip('/')}/{rel}" if base else rel


def entity_page(entry: Entry) -> str:
    """Where the site shows a register entry, relative to the site's root: its own page (the first, when
    its mentions fill several; builders/sitedata.py names them the same way)."""
    return f"entities/{safe_id(entry.id)}.html"


def _norm(text: str) -> str:
    return " ".join(text.split())


def build_day(settings: Settings | None = None) -> str:
    """Today (or SOURCE_DATE_EPOCH's day) as YYYY-MM-DD."""
    epoch = source_date_epoch()
    now = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
    return now.strftime("%Y-%m-%d")


@dataclass(frozen=True)
class Party:
    """A person or organisation named in a header (author, sender, addressee)."""

    name: str
    entry: Entry | None = None

    @property
    def kind(self) -> str:
        return self.entry.kind if self.entry is not None else "person"


@dataclass(frozen=True)
class DocRecord:
    """The harvestable facts of one document."""

    page: str
    title: str
    date: str
    kind: str
    languages: tuple[str, ...]
    creators: tuple[Party, ...]
    addressees: tuple[Party, ...]
    description: str
    identifier: str  # the document's URI (publicationStmt/idno[@type=URI], else the page URL)
    page_url: str
    tei_url: str
    datestamp: str  # the day the TEI last changed (revisionDesc), YYYY-MM-DD
    mentions: tuple[Entry, ...]
    imported: bool


def _entries(ed: EditionDoc, edition: Edition) -> Callable[[str], Entry | None]:
    """The register entry a document's ``#id`` names: in the edition's registers, or for an imported
    document in the registers the site shows, where its own entries joined the edition's or were added
    (teiedit/imported_registers.py: its ``#p1`` may be the site's ``kim-il-sung`` or ``<page>.p1``)."""
    if not ed.imported:
        return edition.registers.entries.get
    joined = edition.site_registers
    return lambda ref: joined.entries.get(joined_id(joined, ed.page, ref))


def _party(el: etree._Element, entry_of: Callable[[str], Entry | None]) -> Party:
    pointer = register_pointer(el.get("ref"))
    entry = entry_of(pointer) if pointer else None
    name = entry.name if entry is not None else _norm(text_of(el))
    return Party(name=name, entry=entry)


def _parties(
    root: etree._Element, expr: str, entry_of: Callable[[str], Entry | None]
) -> tuple[Party, ...]:
    found = [_party(el, entry_of) for el in xpath(root, expr)]
    return tuple(p for p in found if p.name)


#: Records made for each loaded edition, by document (page, file hash): the web pages and every site
#: format of one build read them, and each would otherwise parse and walk every document again.
_made: WeakKeyDictionary[Edition, dict[tuple[str, str, Path], DocRecord]] = WeakKeyDictionary()


def document_record(ed: EditionDoc, edition: Edition) -> DocRecord:
    """The record of one document of the edition (made once per loaded edition)."""
    made = _made.setdefault(edition, {})
    key = (ed.page, ed.sha256, ed.path)
    record = made.get(key)
    if record is None:
        record = made[key] = _document_record(ed, edition)
    return record


def _document_record(ed: EditionDoc, edition: Edition) -> DocRecord:
    root, settings = ed.root, edition.settings
    header = "tei:teiHeader"
    sent = (
        f"{header}/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']"
        "/*[self::tei:persName or self::tei:orgName or self::tei:name]"
    )
    received = sent.replace("'sent'", "'received'")
    entry_of = _entries(ed, edition)
    creators = _parties(root, sent, entry_of) or _parties(
        root, f"{header}/tei:fileDesc/tei:titleStmt/tei:author", entry_of
    )
    langs = [
        str(v)
        for v in root.xpath(
            f"{header}/tei:profileDesc/tei:langUsage/tei:language/@ident", namespaces=NS
        )
    ]
    if not langs:
        text_lang = root.xpath("string(tei:text/@xml:lang)", namespaces=NS)
        langs = [str(text_lang or root.get(XML_LANG) or settings.language)]
    abstract = " ".join(
        _norm(text_of(p)) for p in xpath(root, f"{header}/tei:profileDesc/tei:abstract")
    )
    uri = _norm(
        str(
            root.xpath(
                f"string({header}/tei:fileDesc/tei:publicationStmt/tei:idno[@type='URI'])",
                namespaces=NS,
            )
        )
    )
    page_url = site_url(settings, f"{ed.page}.html")
    days = sorted(
        m.group(1)
        for v in root.xpath(f"{header}/tei:revisionDesc//tei:change/@when", namespaces=NS)
        if (m := _DAY.match(str(v)))
    )
    return DocRecord(
        page=ed.page,
        title=ed.facts.display_title,
        date=ed.facts.date,
        kind=ed.facts.kind_class,
        languages=tuple(dict.fromkeys(langs)),
        creators=creators,
        addressees=_parties(root, received, entry_of),
        description=abstract,
        identifier=uri or page_url,
        page_url=page_url,
        tei_url=site_url(settings, f"tei/{ed.page}.xml"),
        datestamp=days[-1] if days else build_day(),
        mentions=_mentions(root, entry_of),
        imported=ed.imported,
    )


def edition_records(edition: Edition) -> list[DocRecord]:
    """The records of every document of the edition, in page order."""
    return sorted(
        (document_record(ed, edition) for ed in edition.documents()), key=lambda r: r.page
    )


def coordinates(entry: Entry) -> tuple[float, float] | None:
    """A place's latitude and longitude (``location/geo``, "lat long"), when the register gives them."""
    return entry.coordinates


def _mentions(root: etree._Element, entry_of: Callable[[str], Entry | None]) -> tuple[Entry, ...]:
    """The register entries a document names, each once, in the order of their ids."""
    found: dict[str, Entry] = {}
    for ref in sorted(referenced_ids(root)):
        entry = entry_of(ref)
        if entry is not None:
            found.setdefault(entry.id, entry)
    return tuple(found.values())

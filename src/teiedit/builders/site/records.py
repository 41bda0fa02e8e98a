"""What the harvesting formats say about a document or a register entry: titles, dates, languages,
creators and addressees, rights, the page and TEI URLs. JSON-LD, OAI-PMH's Dublin Core, DTS's
``dublinCore`` and IIIF's metadata are all made from these records, which are made from the documents'
kept records (teiedit/scan.py, teiedit/header_facts.py) without parsing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from teiedit.config import Settings
from teiedit.document import register_pointer
from teiedit.edition import Edition, EditionDoc
from teiedit.epoch import source_date_epoch
from teiedit.facts import safe_id
from teiedit.header_facts import Name
from teiedit.imported_registers import joined_id
from teiedit.registers import Entry


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


def _party(name: Name, entry_of: Callable[[str], Entry | None]) -> Party:
    ref, text = name
    pointer = register_pointer(ref)
    entry = entry_of(pointer) if pointer else None
    return Party(name=entry.name if entry is not None else text, entry=entry)


def _parties(names: tuple[Name, ...], entry_of: Callable[[str], Entry | None]) -> tuple[Party, ...]:
    found = [_party(n, entry_of) for n in names]
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
    # from the document's record (teiedit/header_facts.py): no tree is parsed
    head, settings = ed.record.header, edition.settings
    entry_of = _entries(ed, edition)
    creators = _parties(head.senders, entry_of) or _parties(head.authors, entry_of)
    langs = list(head.languages) or [head.text_lang or head.root_lang or settings.language]
    page_url = site_url(settings, f"{ed.page}.html")
    return DocRecord(
        page=ed.page,
        title=ed.facts.display_title,
        date=ed.facts.date,
        kind=ed.facts.kind_class,
        languages=tuple(dict.fromkeys(langs)),
        creators=creators,
        addressees=_parties(head.addressees, entry_of),
        description=head.abstract,
        identifier=head.uri or page_url,
        page_url=page_url,
        tei_url=site_url(settings, f"tei/{ed.page}.xml"),
        datestamp=head.changed or build_day(),
        mentions=_mentions(ed.record.refs, entry_of),
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


def _mentions(refs: tuple[str, ...], entry_of: Callable[[str], Entry | None]) -> tuple[Entry, ...]:
    """The register entries a document names (``refs``: its record's, sorted), each once."""
    found: dict[str, Entry] = {}
    for ref in refs:
        entry = entry_of(ref)
        if entry is not None:
            found.setdefault(entry.id, entry)
    return tuple(found.values())

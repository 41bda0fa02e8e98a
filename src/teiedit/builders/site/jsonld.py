"""schema.org JSON-LD for the site's pages: one object per document page (a CreativeWork with its
creators, addressees, dates, languages, the entities it mentions and its TEI as an encoding) and one per
register entry (a Person, Place or Organization with its authority URIs as ``sameAs``).

The web edition's page frame puts the text in a ``<script type="application/ld+json">`` through the
named template ``te:head-extra`` (xslt/html/harvest.xsl), from the page parameter ``jsonld``.
"""

from __future__ import annotations

import json

from teiedit.builders.site.records import DocRecord, Party, entity_page, site_url
from teiedit.config import Settings
from teiedit.registers import Entry

SCHEMA_TYPES = {"person": "Person", "place": "Place", "org": "Organization"}


def _entity_ref(entry: Entry, settings: Settings) -> dict[str, object]:
    out: dict[str, object] = {
        "@type": SCHEMA_TYPES.get(entry.kind, "Thing"),
        "@id": site_url(settings, entity_page(entry)),
        "name": entry.name,
    }
    same = [uri for _, uri in entry.authority_uris()]
    if same:
        out["sameAs"] = same
    return out


def _party(party: Party, settings: Settings) -> dict[str, object]:
    if party.entry is not None:
        return _entity_ref(party.entry, settings)
    return {"@type": "Person", "name": party.name}


def document_jsonld(
    record: DocRecord, settings: Settings, refs: dict[int, dict[str, object]] | None = None
) -> dict[str, object]:
    """The schema.org description of a document page (``refs``: the entries' descriptions made so far,
    by entry: a build describing every page describes each entry once)."""
    made = {} if refs is None else refs

    def ref(entry: Entry) -> dict[str, object]:
        found = made.get(id(entry))
        if found is None:
            found = made[id(entry)] = _entity_ref(entry, settings)
        return found

    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": record.identifier,
        "url": record.page_url,
        "name": record.title,
        "genre": record.kind,
        "inLanguage": list(record.languages),
        "isPartOf": {
            "@type": "Collection",
            "name": settings.title,
            **({"url": settings.base_url} if settings.base_url else {}),
        },
        "encoding": {
            "@type": "MediaObject",
            "encodingFormat": "application/tei+xml",
            "contentUrl": record.tei_url,
        },
        "dateModified": record.datestamp,
    }
    if record.date:
        data["dateCreated"] = record.date
    if record.description:
        data["description"] = record.description
    if record.creators:
        data["author"] = [_party(p, settings) for p in record.creators]
    if record.addressees:
        data["recipient"] = [_party(p, settings) for p in record.addressees]
    if settings.publisher:
        data["publisher"] = {"@type": "Organization", "name": settings.publisher}
    if settings.licence_url:
        data["license"] = settings.licence_url
    if record.mentions:
        data["mentions"] = [ref(e) for e in record.mentions]
    return data


def entity_jsonld(entry: Entry, settings: Settings) -> dict[str, object]:
    """The schema.org description of a register entry (for its page on the site)."""
    data: dict[str, object] = {"@context": "https://schema.org", **_entity_ref(entry, settings)}
    data["url"] = data["@id"]
    others = [n for n in entry.names[1:]] + [
        v.text for v in entry.variants if v.text not in entry.names
    ]
    if others:
        data["alternateName"] = list(dict.fromkeys(others))
    if entry.description:
        data["description"] = entry.description
    if entry.element is not None and entry.kind == "person":
        for tag, key in (("birth", "birthDate"), ("death", "deathDate")):
            el = entry.element.find(f"{{http://www.tei-c.org/ns/1.0}}{tag}")
            if el is not None and el.get("when"):
                data[key] = el.get("when")
    if entry.coordinates is not None:
        lat, long = entry.coordinates
        data["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": long}
    return data


def script_text(data: dict[str, object]) -> str:
    """JSON for a ``<script>`` element: ``<`` escaped so that no ``</script>`` can end it early."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")

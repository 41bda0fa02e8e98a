"""Authority-file identifiers (GND, VIAF, Wikidata, GeoNames, …) as canonical URIs.

Registers write identifiers in many shapes: ``<idno type="gnd">118629662</idno>``, a full URI, or a
prefixed token such as ``viaf:12345`` (ELTeC). CMIF wants URIs, and finding one person under two ids
needs one comparable form, so everything goes through :func:`authority_uri`.
"""

from __future__ import annotations

import re

#: URI templates of the authority files teiedit knows, by the idno/@type or prefix used for them.
TEMPLATES: dict[str, str] = {
    "gnd": "http://d-nb.info/gnd/{}",
    "viaf": "http://viaf.org/viaf/{}",
    "wikidata": "http://www.wikidata.org/entity/{}",
    "lc": "http://id.loc.gov/authorities/names/{}",
    "lccn": "http://id.loc.gov/authorities/names/{}",
    "loc": "http://id.loc.gov/authorities/names/{}",
    "bnf": "http://data.bnf.fr/ark:/12148/{}",
    "isni": "http://isni.org/isni/{}",
    "orcid": "https://orcid.org/{}",
    "geonames": "http://www.geonames.org/{}",
    "tgn": "http://vocab.getty.edu/tgn/{}",
    "pleiades": "https://pleiades.stoa.org/places/{}",
}

#: Known URI shapes -> (authority, local id), to recognise a URI written by someone else.
_URI_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("gnd", re.compile(r"^https?://(?:d-nb\.info|lobid\.org)/gnd/([0-9X-]+)", re.I)),
    ("viaf", re.compile(r"^https?://(?:www\.)?viaf\.org/viaf/(\d+)", re.I)),
    ("wikidata", re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q\d+)", re.I)),
    ("lc", re.compile(r"^https?://id\.loc\.gov/authorities/names/(\w+)", re.I)),
    ("geonames", re.compile(r"^https?://(?:www\.|sws\.)?geonames\.org/(\d+)", re.I)),
    ("orcid", re.compile(r"^https?://orcid\.org/([\dX-]+)", re.I)),
    ("isni", re.compile(r"^https?://(?:www\.)?isni\.org/isni/([\dX]+)", re.I)),
    ("tgn", re.compile(r"^https?://vocab\.getty\.edu/(?:page/)?tgn/(\d+)", re.I)),
    ("pleiades", re.compile(r"^https?://pleiades\.stoa\.org/places/(\d+)", re.I)),
]

#: Order in which CMIF gets a person's or place's identifier (correspSearch reads these best).
PERSON_PREFERENCE = ("gnd", "viaf", "lc", "bnf", "wikidata", "isni", "orcid")
PLACE_PREFERENCE = ("geonames", "tgn", "wikidata", "gnd", "pleiades")


def parse_identifier(kind: str, value: str) -> tuple[str, str] | None:
    """``(authority, local id)`` for an identifier, or None when it is not an authority identifier.

    ``kind`` is the idno/@type (may be empty); ``value`` the idno text or a token like ``viaf:123``.
    """
    value = value.strip()
    kind = kind.strip().lower()
    if not value:
        return None
    if re.match(r"^https?://", value, re.I):
        for auth, pattern in _URI_PATTERNS:
            m = pattern.match(value)
            if m:
                return auth, m.group(1).upper() if auth == "wikidata" else m.group(1)
        return (kind or "uri"), value.rstrip("/")
    m = re.match(r"^([a-z]+):(\S+)$", value, re.I)
    if m and m.group(1).lower() in TEMPLATES:
        kind, value = m.group(1).lower(), m.group(2)
    if kind in TEMPLATES:
        return kind, value.upper() if kind == "wikidata" else value
    return None


def authority_uri(kind: str, value: str) -> str | None:
    """The canonical URI of an authority identifier, or None when it is not one teiedit knows."""
    parsed = parse_identifier(kind, value)
    if parsed is None:
        return None
    auth, local = parsed
    if auth in TEMPLATES:
        return TEMPLATES[auth].format(local)
    return local if re.match(r"^https?://", local, re.I) else None


def preferred_uri(identifiers: list[tuple[str, str]], preference: tuple[str, ...]) -> str | None:
    """The first identifier (``(authority, uri)`` pairs) in preference order, then any other URI."""
    for auth in preference:
        for a, uri in identifiers:
            if a == auth:
                return uri
    return identifiers[0][1] if identifiers else None

"""BEACON files (the link-dump format of the German authority-file community): for each authority
(GND, VIAF, Wikidata...), the register persons identified by it and the site page that shows them.

One file per authority, ``beacon/<authority>.txt``: a header (``#FORMAT: BEACON``, ``#PREFIX:`` the
authority's URI base, ``#TARGET:``, ``#NAME``, ``#FEED``, ``#TIMESTAMP``), then one line per person,
``local id||target URL`` (the empty middle field: no annotation).
"""

from __future__ import annotations

from teiedit.authority import TEMPLATES, parse_identifier
from teiedit.builders.site.records import build_day, entity_page, site_url
from teiedit.config import Settings
from teiedit.registers import Entry


def beacon_links(entries: list[Entry]) -> dict[str, list[tuple[str, Entry]]]:
    """Per authority, (local id, person) of every person that authority identifies, in register order."""
    out: dict[str, list[tuple[str, Entry]]] = {}
    for entry in entries:
        if entry.kind != "person":
            continue
        seen: set[tuple[str, str]] = set()
        for kind, value in entry.identifiers:
            parsed = parse_identifier(kind, value)
            if parsed is None or parsed[0] not in TEMPLATES or parsed in seen:
                continue
            seen.add(parsed)
            out.setdefault(parsed[0], []).append((parsed[1], entry))
    return out


def beacon_text(authority: str, links: list[tuple[str, Entry]], settings: Settings) -> str:
    """The BEACON file of one authority."""
    prefix = TEMPLATES[authority].replace("{}", "")
    head = [
        "#FORMAT: BEACON",
        f"#PREFIX: {prefix}",
        f"#NAME: {settings.title}",
        f"#FEED: {site_url(settings, f'beacon/{authority}.txt')}",
        f"#TIMESTAMP: {build_day()}",
    ]
    if settings.publisher:
        head.append(f"#INSTITUTION: {settings.publisher}")
    lines = [f"{local}||{site_url(settings, entity_page(entry))}" for local, entry in links]
    return "\n".join(head + lines) + "\n"

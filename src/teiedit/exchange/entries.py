"""Register entries (persons, places, organisations) read from any TEI: standoff registers, inline
``listPerson``/``listPlace``/``listOrg`` of a letter, ``particDesc``.

One small model serves the CMIF export (names and authority URIs), the register export (CSV/JSON) and
the import's conflict report (one person under two ids).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.document import TEI_NS, XML_ID, local_name, tei
from teiedit.exchange.authority import authority_uri, parse_identifier

#: Entry element -> (kind, name elements in order of preference).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "person": ("person", ("persName", "name")),
    "personGrp": ("person", ("persName", "name")),
    "place": ("place", ("placeName", "geogName", "name")),
    "org": ("org", ("orgName", "name")),
}


@dataclass
class Entry:
    """One register entry: its id, kind, names, description and identifiers."""

    kind: str  # person | place | org
    id: str
    names: list[str] = field(default_factory=list)
    description: str = ""
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # (type, value) as written
    file: str = ""
    line: int = 0

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.id

    def authority_uris(self) -> list[tuple[str, str]]:
        """``(authority, canonical URI)`` for every identifier teiedit recognises."""
        out: list[tuple[str, str]] = []
        for kind, value in self.identifiers:
            parsed = parse_identifier(kind, value)
            uri = authority_uri(kind, value)
            if parsed and uri and (parsed[0], uri) not in out:
                out.append((parsed[0], uri))
        return out


_AUTHORITY_ID = re.compile(
    r"^(gnd|viaf|wikidata|geonames|lccn|isni)[-_.]([0-9A-Za-z][0-9A-Za-z-]*)$", re.I
)


def _idno_kind(idno: etree._Element) -> str:
    """The authority an idno names: its @type, or its @subtype when @type is only "URI"/"URL"."""
    kind = (idno.get("type") or "").strip()
    if kind.lower() in ("", "uri", "url"):
        kind = (idno.get("subtype") or kind).strip()
    return kind


def _norm(text: str) -> str:
    return " ".join(text.split())


def _name_text(el: etree._Element) -> str:
    """A name element's text; a structured persName (surname, forename) reads "surname, forename", unless
    it is a name written surname first with spaces between its parts ("Kim Il Sung"), read as written."""
    parts = [c for c in el if isinstance(c.tag, str) and local_name(c) in ("surname", "forename")]
    written = bool(parts) and local_name(parts[0]) == "surname"
    written = written and all((c.tail or "").isspace() for c in parts[:-1])
    if parts and not (el.text or "").strip() and not written:
        sur = " ".join(_norm("".join(c.itertext())) for c in parts if local_name(c) == "surname")
        fore = " ".join(_norm("".join(c.itertext())) for c in parts if local_name(c) == "forename")
        if sur and fore:
            return f"{sur}, {fore}"
    return _norm("".join(el.itertext()))


def entry_from_element(el: etree._Element, file: str = "") -> Entry | None:
    """An Entry for a person/place/org element with an xml:id, else None."""
    spec = KINDS.get(local_name(el))
    if spec is None or etree.QName(el).namespace != TEI_NS or not el.get(XML_ID):
        return None
    kind, name_tags = spec
    names: list[str] = []
    for tag in name_tags:
        for n in el.findall(tei(tag)):
            text = _name_text(n)
            if text and text not in names:
                names.append(text)
        if names:
            break
    desc_parts = [
        _norm("".join(c.itertext()))
        for c in el
        if isinstance(c.tag, str) and local_name(c) in ("note", "desc", "occupation", "roleName")
    ]
    identifiers = [
        (_idno_kind(i), _norm(i.text or "")) for i in el.findall(tei("idno")) if _norm(i.text or "")
    ]
    for attr in ("sameAs", "ref", "corresp"):
        for token in (el.get(attr) or "").split():
            if not token.startswith("#") and parse_identifier("", token):
                identifiers.append(("", token))
    # Registers that name entries after an authority record ("gnd-118560093") identify them by it.
    m = _AUTHORITY_ID.match(el.get(XML_ID, ""))
    if m and not identifiers:
        identifiers.append((m.group(1).lower(), m.group(2)))
    return Entry(
        kind=kind,
        id=el.get(XML_ID, ""),
        names=names,
        description="; ".join(p for p in desc_parts if p),
        identifiers=identifiers,
        file=file,
        line=el.sourceline or 0,
    )


def entries_in(root: etree._Element, file: str = "") -> list[Entry]:
    """Every register entry in a tree, in document order (nested entries included)."""
    out: list[Entry] = []
    for el in root.iter(*(tei(k) for k in KINDS)):
        entry = entry_from_element(el, file)
        if entry is not None:
            out.append(entry)
    return out


def load_register_files(folder: Path) -> list[Entry]:
    """Entries of the edition's standoff registers (``tei/registers/*.xml``), in file order."""
    from teiedit.io import read_xml

    out: list[Entry] = []
    if not Path(folder).is_dir():
        return out
    for path in sorted(Path(folder).glob("*.xml")):
        out.extend(entries_in(read_xml(path).getroot(), str(path)))
    return out

"""The register model: persons, places and organisations (``person``, ``personGrp``, ``place``, ``org``
with an ``xml:id``), read from any TEI, and the edition's registers found by one rule.

The rule: an edition's registers are the files of its registers folder (``Settings.registers``, by
default ``tei/registers``) and, among the TEI files it is given, those that are registers by structure
(:func:`is_register`: lists of entries and no running text). Code never lists names: the registers are
the edition's data.

One :class:`Entry` serves every reader of the registers: the entities pass matches its ``variants``
(the forms of its own name element, ``@type`` saying what kind of form: ``preferred``, ``variant``,
``short``...), the web and print editions render its ``element``, the exports and the import's conflict
report use its ``names``, ``description`` and authority ``identifiers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.authority import authority_uri, parse_identifier
from teiedit.config import Settings
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, XML_ID, XML_LANG, local_name, tei, text_of, xpath
from teiedit.io import read_xml

#: Entry element -> (kind, name elements in order of preference for its display names).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "person": ("person", ("persName", "name")),
    "personGrp": ("person", ("persName", "name")),
    "place": ("place", ("placeName", "geogName", "name")),
    "org": ("org", ("orgName", "name")),
}

#: Entry element -> the name element its mentions in running text get (and whose forms are matched).
NAME_TAGS = {"person": "persName", "place": "placeName", "org": "orgName"}

#: Name types that are only linked when the context resolves them (a surname, an initial-less short form).
SHORT_TYPES = frozenset({"short", "surname"})

#: The lists a register file holds.
LISTS = ("listPerson", "listPlace", "listOrg")

_AUTHORITY_ID = re.compile(
    r"^(gnd|viaf|wikidata|geonames|lccn|isni)[-_.]([0-9A-Za-z][0-9A-Za-z-]*)$", re.I
)


@dataclass(frozen=True)
class Variant:
    """One written form of an entry's name."""

    text: str
    type: str = "variant"
    subtype: str = ""
    lang: str = ""

    @property
    def is_short(self) -> bool:
        return self.type in SHORT_TYPES


@dataclass(frozen=True)
class Entry:
    """One register entry: a person (or group), place or organisation."""

    kind: str  # person | place | org
    id: str
    names: tuple[str, ...] = ()  # display names, in order of preference
    description: str = ""
    identifiers: tuple[tuple[str, str], ...] = ()  # (type, value) as written
    file: str = ""
    line: int = 0
    #: The forms the entities pass matches (person, place and org entries; a group has none).
    variants: tuple[Variant, ...] = ()
    type: str = ""  # the entry's @type (an organisation's kind: party, embassy, ...)
    #: A place's latitude and longitude in decimal degrees (``location/geo``), when the register gives them.
    coordinates: tuple[float, float] | None = None
    element: etree._Element | None = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.id

    @property
    def name_tag(self) -> str:
        """The element a mention of this entry is: persName, placeName or orgName."""
        return {"person": "persName", "place": "placeName"}.get(self.kind, "orgName")

    @property
    def preferred(self) -> str:
        """The form the entities report shows: the ``preferred`` variant, else the first."""
        return next((v.text for v in self.variants if v.type == "preferred"), self.variants[0].text)

    def authority_uris(self) -> list[tuple[str, str]]:
        """``(authority, canonical URI)`` for every identifier teiedit recognises."""
        out: list[tuple[str, str]] = []
        for kind, value in self.identifiers:
            parsed = parse_identifier(kind, value)
            uri = authority_uri(kind, value)
            if parsed and uri and (parsed[0], uri) not in out:
                out.append((parsed[0], uri))
        return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def _idno_kind(idno: etree._Element) -> str:
    """The authority an idno names: its @type, or its @subtype when @type is only "URI"/"URL"."""
    kind = (idno.get("type") or "").strip()
    if kind.lower() in ("", "uri", "url"):
        kind = (idno.get("subtype") or kind).strip()
    return kind


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


def _variants(el: etree._Element) -> tuple[Variant, ...]:
    tag = NAME_TAGS.get(local_name(el))
    if tag is None:
        return ()
    found: list[Variant] = []
    for name_el in el.findall(tei(tag)):
        text = _norm(text_of(name_el))
        if text:
            found.append(
                Variant(
                    text=text,
                    type=name_el.get("type", "variant"),
                    subtype=name_el.get("subtype", ""),
                    lang=name_el.get(XML_LANG, ""),
                )
            )
    return tuple(found)


def _coordinates(el: etree._Element) -> tuple[float, float] | None:
    """``location/geo`` as (latitude, longitude): TEI's default notation, "lat long" in decimal degrees
    (a comma between them is accepted too); None when absent or out of range."""
    for geo in el.findall(f"{tei('location')}/{tei('geo')}"):
        parts = (geo.text or "").replace(",", " ").split()
        try:
            lat, long = (float(p) for p in parts) if len(parts) == 2 else (None, None)
        except ValueError:
            continue
        if lat is not None and long is not None and -90 <= lat <= 90 and -180 <= long <= 180:
            return (lat, long)
    return None


def entry_from_element(el: etree._Element, file: str = "") -> Entry | None:
    """An Entry for a person/personGrp/place/org element with an xml:id, else None."""
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
        names=tuple(names),
        description="; ".join(p for p in desc_parts if p),
        identifiers=tuple(identifiers),
        file=file,
        line=el.sourceline or 0,
        variants=_variants(el),
        type=el.get("type", ""),
        coordinates=_coordinates(el),
        element=el,
    )


def entries_in(root: etree._Element, file: str = "") -> list[Entry]:
    """Every register entry in a tree, in document order (nested entries included)."""
    out: list[Entry] = []
    for el in root.iter(*(tei(k) for k in KINDS)):
        entry = entry_from_element(el, file)
        if entry is not None:
            out.append(entry)
    return out


def is_register(root: etree._Element) -> bool:
    """A register file holds lists of persons/places/orgs and no running text (decided by structure)."""
    if root.tag != tei("TEI"):
        return False
    lists = xpath(
        root,
        "(tei:text | tei:standOff)//*[self::tei:listPerson or self::tei:listPlace"
        " or self::tei:listOrg]",
    )
    if not lists:
        return False
    # Everything with text must be an entry the register pages show (or a heading of the lists).
    stray = root.xpath(
        "tei:text//text()[normalize-space()][not(ancestor::tei:person[@xml:id]"
        " or ancestor::tei:personGrp[@xml:id] or ancestor::tei:place[@xml:id] or ancestor::tei:org[@xml:id]"
        " or parent::tei:head)]",
        namespaces={"tei": TEI_NS},
    )
    return not stray


@dataclass
class Registers:
    """The registers of an edition: every entry (``all``, in file order), entries by id (the first of
    an id wins), the register files and their trees."""

    all: list[Entry] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    roots: list[etree._Element] = field(default_factory=list)
    #: Joined with imported registers (teiedit/imported_registers.py): page -> the document's ``#id`` ->
    #: entry id; the same for ``#id`` pointers into imported register files; file name -> its ``#id``
    #: -> entry id (for pointers ``persons.xml#id``); entry id -> the imported pages whose registers
    #: hold it.
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    shared: dict[str, str] = field(default_factory=dict)
    in_files: dict[str, dict[str, str]] = field(default_factory=dict)
    origins: dict[str, list[str]] = field(default_factory=dict)
    _bearers: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    _surnames: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def add(self, path: Path, root: etree._Element) -> None:
        """Add the entries of one register file."""
        self.files.append(path)
        self.roots.append(root)
        for entry in entries_in(root, str(path)):
            self.all.append(entry)
            self.entries.setdefault(entry.id, entry)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def merged(self, more: Iterable[tuple[Path, etree._Element]]) -> Registers:
        """These registers and more register files (a new object: loaded registers are shared)."""
        out = Registers()
        for path, root in [*zip(self.files, self.roots, strict=True), *more]:
            out.add(path, root)
        return out

    @property
    def matchable(self) -> dict[str, Entry]:
        """The entries the entities pass links mentions to: those with forms of their name element."""
        return {k: e for k, e in self.entries.items() if e.variants}

    def ids(self) -> tuple[str, ...]:
        """Every xml:id in the register files (what a pointer into the registers may name)."""
        found: list[str] = []
        for root in self.roots:
            found.extend(str(i) for i in root.xpath("//@xml:id"))
        return tuple(dict.fromkeys(found))

    def check_unique(self) -> None:
        """Refuse an id that two entries share (the entities pass could not tell them apart)."""
        seen: dict[str, Entry] = {}
        for entry in self.all:
            other = seen.setdefault(entry.id, entry)
            if other is not entry:
                raise TeieditError(
                    f"register id {entry.id!r} is used twice (also in {Path(other.file).name})",
                    entry.file,
                    hint="give every person, place and organisation a unique xml:id across all registers",
                )

    def surnames(self) -> frozenset[str]:
        """Every one-word form of a person's name (``Khrushchev``, ``Ponomarev``), case-folded."""
        if self._surnames is None:
            self._surnames = frozenset(
                v.text.casefold()
                for e in self.entries.values()
                if e.kind == "person"
                for v in e.variants
                if len(v.text.split()) == 1
            )
        return self._surnames

    def bearers(self, name: str) -> list[str]:
        """The persons whose full names begin or end with the word ``name`` (a family name they share)."""
        if self._bearers is None:
            table: dict[str, set[str]] = {}
            for e in self.entries.values():
                if e.kind != "person":
                    continue
                for v in e.variants:
                    words = v.text.replace("-", " ").split()
                    if v.is_short or len(words) < 2:
                        continue
                    for w in (words[0], words[-1]):
                        table.setdefault(w.strip(".,").casefold(), set()).add(e.id)
            self._bearers = {k: sorted(v) for k, v in table.items()}
        return self._bearers.get(name.strip().casefold(), [])


def register_files(settings: Settings) -> list[Path]:
    """The files of the edition's registers folder (every ``*.xml``), sorted; none without the folder."""
    folder = settings.registers
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.xml") if p.is_file())


def load_registers(settings: Settings) -> Registers:
    """The registers of the edition's registers folder (parsed once per process and file state)."""
    files = register_files(settings)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load_cached(key)


@lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int, int], ...]) -> Registers:
    regs = Registers()
    for path_str, _, _ in key:
        regs.add(Path(path_str), read_xml(Path(path_str)).getroot())
    return regs

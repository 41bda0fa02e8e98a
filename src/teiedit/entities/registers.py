"""Load the edition's standoff registers (listPerson, listPlace, listOrg) into entries and name variants.

The registers are TEI files edited by editors; code never lists names. Each entry has an ``xml:id``, names
(``persName``/``placeName``/``orgName``) whose ``@type`` says what kind of form it is (``preferred``,
``variant``, ``romanisation`` with ``@subtype``, ``short`` for a bare surname or short form that is only
linked when the context makes it unambiguous, ``abbreviation``), a description and dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, XML_ID, local_name, text_of
from teiedit.io import read_xml

#: Entry element -> the name element used for its mentions in text.
ENTRY_KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}

#: Name types that are only linked when the context resolves them (a surname, an initial-less short form).
SHORT_TYPES = frozenset({"short", "surname"})


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


@dataclass
class Entry:
    """One register entry: a person, place or organisation."""

    id: str
    kind: str  # persName | placeName | orgName
    preferred: str
    variants: list[Variant] = field(default_factory=list)
    description: str = ""
    source: str = ""  # the register file it came from
    type: str = ""  # the entry's @type (an organisation's kind: party, embassy, ...)

    @property
    def element(self) -> str:
        return self.kind


@dataclass
class Registers:
    """All entries of an edition, by id."""

    entries: dict[str, Entry] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    _bearers: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)
    _surnames: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == kind]

    def surnames(self) -> frozenset[str]:
        """Every one-word form of a person's name (``Khrushchev``, ``Ponomarev``), case-folded."""
        if self._surnames is None:
            self._surnames = frozenset(
                v.text.casefold()
                for e in self.entries.values()
                if e.kind == "persName"
                for v in e.variants
                if len(v.text.split()) == 1
            )
        return self._surnames

    def bearers(self, name: str) -> list[str]:
        """The persons whose full names begin or end with the word ``name`` (a family name they share)."""
        if self._bearers is None:
            table: dict[str, set[str]] = {}
            for e in self.entries.values():
                if e.kind != "persName":
                    continue
                for v in e.variants:
                    words = v.text.replace("-", " ").split()
                    if v.is_short or len(words) < 2:
                        continue
                    for w in (words[0], words[-1]):
                        table.setdefault(w.strip(".,").casefold(), set()).add(e.id)
            self._bearers = {k: sorted(v) for k, v in table.items()}
        return self._bearers.get(name.strip().casefold(), [])


def _normal_space(text: str) -> str:
    return " ".join(text.split())


def parse_register(tree: etree._ElementTree, source: str = "") -> list[Entry]:
    """The entries of one register document (person, place and org elements with an xml:id)."""
    entries: list[Entry] = []
    root = tree.getroot()
    for el in root.iter(*(f"{{{TEI_NS}}}{k}" for k in ENTRY_KINDS)):
        entry_id = el.get(XML_ID)
        if not entry_id:
            continue
        kind = ENTRY_KINDS[local_name(el)]
        variants: list[Variant] = []
        for name_el in el.findall(f"{{{TEI_NS}}}{kind}"):
            text = _normal_space(text_of(name_el))
            if not text:
                continue
            variants.append(
                Variant(
                    text=text,
                    type=name_el.get("type", "variant"),
                    subtype=name_el.get("subtype", ""),
                    lang=name_el.get("{http://www.w3.org/XML/1998/namespace}lang", ""),
                )
            )
        if not variants:
            continue
        preferred = next((v.text for v in variants if v.type == "preferred"), variants[0].text)
        desc_el = (
            el.find(f"{{{TEI_NS}}}note")
            if el.find(f"{{{TEI_NS}}}desc") is None
            else el.find(f"{{{TEI_NS}}}desc")
        )
        description = _normal_space(text_of(desc_el)) if desc_el is not None else ""
        entries.append(
            Entry(entry_id, kind, preferred, variants, description, source, el.get("type", ""))
        )
    return entries


def register_files(folder: Path) -> list[Path]:
    """The register files in a folder (every ``*.xml``), sorted; none when the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.xml") if p.is_file())


def load_registers(folder: Path) -> Registers:
    """Read every register in ``folder``; ids must be unique across all of them."""
    files = register_files(folder)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return _load_cached(key)


@lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int, int], ...]) -> Registers:
    regs = Registers(files=[Path(k[0]) for k in key])
    for path_str, _, _ in key:
        path = Path(path_str)
        for entry in parse_register(read_xml(path), path.name):
            if entry.id in regs.entries:
                other = regs.entries[entry.id].source
                raise TeieditError(
                    f"register id {entry.id!r} is used twice (also in {other})",
                    path,
                    hint="give every person, place and organisation a unique xml:id across all registers",
                )
            regs.entries[entry.id] = entry
    return regs


def registers_folder(edition: Edition) -> Path:
    """The edition's register folder; a relative setting is relative to the edition's root."""
    folder = edition.registers
    return folder if folder.is_absolute() else edition.root / folder

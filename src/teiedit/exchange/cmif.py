"""CMIF v1.1 export: one ``correspDesc`` per letter of the edition, the format correspSearch harvests.

Letters are the edition's documents whose ``profileDesc/correspDesc`` has ``correspAction``s
(docs/tei-conventions.md); imported documents (tei/imported/) belong to other projects and are left
out. Correspondents and places are named as the registers name them and carry the authority URI of
their register entry (persons: GND, VIAF, LC, BnF, Wikidata…; places: GeoNames first), or no @ref when
the register has none — CMIF asks for authority URIs, not project-internal ids. Dates keep the ISO
attributes CMIF's date profile allows (@when, @notBefore, @notAfter, @from, @to).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from teiedit.authority import (
    PERSON_PREFERENCE,
    PLACE_PREFERENCE,
    authority_uri,
    preferred_uri,
)
from teiedit.builder import BuildOptions, Group, Manifest, Option, digest, sidecar
from teiedit.config import settings_digest
from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS, XML_ID, E, local_name, tei
from teiedit.edition import Edition
from teiedit.epoch import source_date_epoch
from teiedit.io import write_atomic
from teiedit.registers import Entry

CMIF_RNG_URL = "https://raw.githubusercontent.com/TEI-Correspondence-SIG/CMIF/master/schema/cmi-customization.rng"
#: CMIF's date profile: ISO years, year-months and dates.
ISO_DATE = re.compile(r"^-?\d{4}(-\d{2}(-\d{2})?)?$")
DATE_ATTRS = ("when", "notBefore", "notAfter", "from", "to")
PARTY_TAGS = ("persName", "orgName", "name", "rs")


@dataclass
class CmifResult:
    tree: etree._ElementTree
    letters: int
    warnings: list[str] = field(default_factory=list)


def edition_letters(edition: Edition) -> list[tuple[Path, etree._Element]]:
    """(file, TEI root) of the edition's own letters, in file order."""
    out = []
    for ed in edition.own_documents():
        path, root = ed.path, ed.root
        if root.tag != tei("TEI"):
            continue
        if (
            root.find(
                f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('correspDesc')}/{tei('correspAction')}"
            )
            is not None
        ):
            out.append((path, root))
    return out


def _imported_letters(edition: Edition) -> int:
    """How many imported documents are letters (which CMIF leaves to the projects they came from)."""
    path = f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('correspDesc')}/{tei('correspAction')}"
    return sum(
        1
        for ed in edition.documents()
        if ed.imported and ed.root.tag == tei("TEI") and ed.root.find(path) is not None
    )


def _timestamp() -> str:
    epoch = source_date_epoch()
    now = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _bibl_id(key: str) -> str:
    """A UUID (as CMIF recommends) that is also a valid xml:id: the first of a stable series that
    starts with a letter (xml:id must not start with a digit)."""
    n = 0
    while True:
        candidate = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key}#{n}"))
        if candidate[0].isalpha():
            return candidate
        n += 1


def _norm(text: str) -> str:
    return " ".join(text.split())


class _Lookup:
    """Register entries by id, and the URI CMIF gets for a name element."""

    def __init__(self, entries: list[Entry]) -> None:
        self.by_id = {e.id: e for e in entries}
        # A correspondent the conversion named without a link ("United Nations" as a persName) is the
        # entry whose full form (never a short one) it is, when exactly one entry has that form.
        forms: dict[str, set[str]] = {}
        for e in entries:
            for v in e.variants:
                if not v.is_short:
                    forms.setdefault(_norm(v.text).casefold(), set()).add(e.id)
        self.by_form = {form: ids.pop() for form, ids in forms.items() if len(ids) == 1}

    def entry(self, el: etree._Element) -> Entry | None:
        pointers = (el.get("ref") or el.get("key") or "").split()
        for token in pointers:
            if token.startswith("#") and token[1:] in self.by_id:
                return self.by_id[token[1:]]
        if pointers:
            return None
        found = self.by_form.get(_norm("".join(el.itertext())).casefold())
        return self.by_id[found] if found else None

    def uri(self, el: etree._Element, preference: tuple[str, ...]) -> str | None:
        entry = self.entry(el)
        if entry is not None:
            return preferred_uri(entry.authority_uris(), preference)
        for token in (el.get("ref") or "").split():  # a URI written directly on the name
            uri = authority_uri("", token)
            if uri:
                return uri
        return None

    def name(self, el: etree._Element) -> str:
        entry = self.entry(el)
        return entry.name if entry is not None and entry.names else _norm("".join(el.itertext()))


def _action(
    action: etree._Element,
    kind: str,
    lookup: _Lookup,
    where: str,
    warnings: list[str],
    written_at: etree._Element | None = None,
) -> etree._Element:
    """One correspAction in CMIF's terms; ``written_at``: the place of the letter's dateline, which is
    where it was sent from when the action names no place."""
    out = E.correspAction(type=kind)
    for party in action:
        if not isinstance(party.tag, str) or local_name(party) not in PARTY_TAGS:
            continue
        is_org = local_name(party) == "orgName" or (
            (entry := lookup.entry(party)) is not None and entry.kind == "org"
        )
        name = lookup.name(party)
        if not name:
            continue
        el = E.orgName(name) if is_org else E.persName(name)
        uri = lookup.uri(party, PERSON_PREFERENCE)
        if uri:
            el.set("ref", uri)
        out.append(el)
    if not len(out):
        warnings.append(
            f"{where}: no {'sender' if kind == 'sent' else 'addressee'} given; written as unknown"
        )
        out.append(E.persName("unknown"))
    place = action.find(tei("placeName"))
    if place is None:
        place = written_at
    if place is not None and lookup.name(place):
        el = E.placeName(lookup.name(place))
        uri = lookup.uri(place, PLACE_PREFERENCE)
        if uri:
            el.set("ref", uri)
        out.append(el)
    date = action.find(tei("date"))
    if date is not None:
        attrs = {a: date.get(a, "").strip() for a in DATE_ATTRS if date.get(a)}
        good = {a: v for a, v in attrs.items() if ISO_DATE.match(v)}
        if attrs and not good:
            warnings.append(f"{where}: the date {attrs} is not in CMIF's ISO profile; left out")
        if good:
            el = E.date(**good)
            if date.get("cert"):
                el.set("cert", date.get("cert", ""))
            out.append(el)
    return out


def _dateline_place(root: etree._Element) -> etree._Element | None:
    """The place the letter's (first) dateline names: where it was written."""
    found = root.xpath("(tei:text//tei:dateline//tei:placeName)[1]", namespaces={"tei": TEI_NS})
    return found[0] if found else None


def build_cmif(
    edition: Edition,
    *,
    url: str | None = None,
    email: str | None = None,
    file_name: str = "cmif.xml",
) -> CmifResult:
    """The CMIF tree of the edition's letters; TeieditError when CMIF's required facts are missing."""
    settings = edition.settings
    cfg = settings.root / "teiedit.toml"
    if not settings.editors:
        raise TeieditError(
            "CMIF names the editors of the file, and the edition has none",
            cfg,
            hint="add an [[edition.editors]] entry with a name",
        )
    if not settings.licence_url:
        raise TeieditError(
            "CMIF needs the licence of the file as a URL",
            cfg,
            hint='set licence_url (e.g. "https://creativecommons.org/licenses/by/4.0/")',
        )
    file_url = url or (settings.base_url.rstrip("/") + "/" + file_name if settings.base_url else "")
    if not file_url:
        raise TeieditError(
            "CMIF needs the URL where the file will be published",
            cfg,
            hint="pass --url URL or set base_url in teiedit.toml",
        )
    letters = edition_letters(edition)
    if not letters:
        imported = _imported_letters(edition)
        raise TeieditError(
            "the edition has no letters of its own (documents with a correspDesc) to export"
            + (
                f"; {imported} imported letter{' is' if imported == 1 else 's are'} left out: "
                "imported documents belong to the projects they came from"
                if imported
                else ""
            ),
            settings.tei,
            hint="letters carry profileDesc/correspDesc with correspAction"
            + ("; an imported project publishes its own CMIF" if imported else ""),
        )
    lookup = _Lookup(edition.registers.all)
    bibl_id = _bibl_id(settings.base_url or settings.title)
    warnings: list[str] = []
    descs = []
    for path, root in letters:
        corresp = root.find(f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('correspDesc')}")
        assert corresp is not None
        desc = E.correspDesc(source=f"#{bibl_id}")
        idno = root.find(
            f"{tei('teiHeader')}/{tei('fileDesc')}/{tei('publicationStmt')}/{tei('idno')}[@type='URI']"
        )
        letter_url = _norm(idno.text or "") if idno is not None else ""
        if not letter_url and settings.base_url:
            letter_url = settings.base_url.rstrip("/") + "/" + (root.get(XML_ID) or path.stem)
        if letter_url:
            desc.set("ref", letter_url)
        for kind in ("sent", "received"):
            actions = corresp.findall(f"{tei('correspAction')}[@type='{kind}']")
            if not actions:
                warnings.append(f"{path.name}: no correspAction type={kind!r}; written as unknown")
                desc.append(E.correspAction(E.persName("unknown"), type=kind))
            written_at = _dateline_place(root) if kind == "sent" else None
            for action in actions:
                desc.append(_action(action, kind, lookup, path.name, warnings, written_at))
        descs.append(desc)
    editors = []
    for i, ed in enumerate(settings.editors):
        el = E.editor(ed.name)
        if email and i == 0:
            el.append(E.email(email))
        editors.append(el)
    publisher = E.publisher(
        E.ref(settings.publisher or settings.title, target=settings.base_url)
        if settings.base_url
        else (settings.publisher or settings.title)
    )
    bibl = E.bibl(f"{settings.title}. ", type="online")
    bibl.set(XML_ID, bibl_id)
    if settings.base_url:
        bibl.append(E.ref(settings.base_url, target=settings.base_url))
    root = E.TEI(
        E.teiHeader(
            E.fileDesc(
                E.titleStmt(E.title(f"{settings.title}: correspondence metadata (CMIF)"), *editors),
                E.publicationStmt(
                    publisher,
                    E.idno(file_url, type="url"),
                    E.date(when=_timestamp()),
                    E.availability(
                        E.licence(
                            settings.licence or settings.licence_url, target=settings.licence_url
                        )
                    ),
                ),
                E.sourceDesc(bibl),
            ),
            E.profileDesc(*descs),
        ),
        E.text(E.body(E.p())),
    )
    doc = etree.ElementTree(root)
    root.addprevious(
        etree.ProcessingInstruction(
            "xml-model",
            f'href="{CMIF_RNG_URL}" type="application/xml" '
            'schematypens="http://relaxng.org/ns/structure/1.0"',
        )
    )
    return CmifResult(tree=doc, letters=len(descs), warnings=warnings)


def serialize_cmif(result: CmifResult) -> bytes:
    """The CMIF file's bytes."""
    data: bytes = etree.tostring(
        result.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data


def write_cmif(
    edition: Edition, out: Path, *, url: str | None = None, email: str | None = None
) -> str:
    """Write the CMIF file; return a one-line summary (warnings on further lines)."""
    result = build_cmif(edition, url=url, email=email, file_name=Path(out).name)
    write_atomic(Path(out), serialize_cmif(result))
    lines = [f"CMIF with {result.letters} letters written to {out}"]
    lines += [f"warning: {w}" for w in result.warnings]
    return "\n".join(lines)


class CmifBuilder:
    """``teiedit export cmif``: the edition's letters as one CMIF file."""

    name = "cmif"
    group: Group = "export"
    help = "CMIF v1.1 for correspSearch"
    description = (
        "a CMIF v1.1 file (what correspSearch harvests): one correspDesc per letter, persons and "
        "places with authority URIs from the registers"
    )
    options: tuple[Option, ...] = (
        Option("--url", "the URL where the CMIF file will be published", "URL"),
        Option(
            "--email",
            "contact e-mail of the editor (CMIF asks for one; default: email in teiedit.toml)",
            "ADDRESS",
        ),
    )

    def manifest(self, edition: Edition, options: BuildOptions) -> Manifest:
        new = Manifest(assets=digest(Path(__file__).read_bytes()))
        for ed in edition.own_documents():
            new.docs[ed.page] = digest(ed.path.read_bytes())
        registers = [p.read_bytes() for p in edition.registers.files]
        asked = repr((settings_digest(edition.settings), options.get("url"), options.get("email")))
        new.lists = digest(new.assets, asked, *new.docs.values(), *registers)
        return new

    def outdated(self, edition: Edition, out: Path) -> set[str]:
        new = self.manifest(edition, BuildOptions())
        return Manifest.read(sidecar(out)).outdated(new, lambda _page: [out])

    def build(self, edition: Edition, out: Path, options: BuildOptions) -> list[Path]:
        new = self.manifest(edition, options)
        old = Manifest.read(sidecar(out))
        if not options.force and old == new and out.is_file():
            options.tell(f"{out} is up to date")
            return []
        url, email = options.get("url"), options.get("email") or edition.settings.email or None
        options.tell(
            write_cmif(
                edition,
                out,
                url=str(url) if url is not None else None,
                email=str(email) if email is not None else None,
            )
        )
        new.write(sidecar(out), 1)
        return [out]

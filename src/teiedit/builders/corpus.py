"""Gather the TEI files of a build: documents with safe page names, the standoff registers, and the
in-memory inputs (teiCorpus, bundles) that site-level stylesheets read.

Each document is parsed safely by io.py; the copy in the corpus carries ``xml:base`` with the safe page
name teiedit chose for it, so stylesheets never derive file names from ids found in the TEI.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.document import (
    TEI_NS,
    XML_ID,
    E,
    TeiDocument,
    corrected_text,
    slugify,
    text_of,
    xpath,
)
from teiedit.io import read_tei

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
TE_NS = "urn:teiedit"

#: Pages the site writes itself; a document may not take these names.
RESERVED_PAGES = frozenset(
    {"index", "timeline", "persons", "places", "orgs", "search", "search-index"}
)

#: Register entries the site shows, by element name; the value is the register page.
ENTRY_PAGES = {"person": "persons", "personGrp": "persons", "place": "places", "org": "orgs"}
_ENTRY_XPATH = "|".join(f".//tei:{name}[@xml:id]" for name in ENTRY_PAGES)
_LIST_NAMES = ("listPerson", "listPlace", "listOrg")


@dataclass
class EditionDoc:
    """A document of a build with its safe output name (``<page>.html``, ``<page>.pdf``)."""

    doc: TeiDocument
    page: str
    path: Path


def safe_page_names(files: list[Path]) -> list[str]:
    """Unique, safe page names from file stems (never from TEI content), avoiding the site's own pages."""
    names: list[str] = []
    for f in files:
        base = slugify(f.stem) or "document"
        if base in RESERVED_PAGES:
            base = f"doc-{base}"
        name, i = base, 2
        while name in names:
            name, i = f"{base}-{i}", i + 1
        names.append(name)
    return names


def load_edition_docs(files: list[Path]) -> list[EditionDoc]:
    docs = [read_tei(f) for f in files]
    return [
        EditionDoc(doc=d, page=p, path=f)
        for d, p, f in zip(docs, safe_page_names(files), files, strict=True)
    ]


def sort_key(ed: EditionDoc) -> tuple[str, str]:
    """Chronological order: the document's date (sourceDesc or correspDesc), then its page name."""
    return (document_date(ed.doc.root) or "9999", ed.page)


def document_date(root: etree._Element) -> str:
    """The document's own ISO date (as the stylesheets' te:date reads it), or ''."""
    for expr in (
        "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when",
        "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@notBefore",
        "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@from",
        "tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@when",
        "tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@notBefore",
        "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when",
        "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@from",
        "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@notBefore",
    ):
        found = root.xpath(expr, namespaces={"tei": TEI_NS})
        if found:
            return str(found[0]).strip()
    return ""


def is_register(root: etree._Element) -> bool:
    """A register file holds lists of persons/places/orgs and no running text (decided by structure)."""
    if root.tag != f"{{{TEI_NS}}}TEI":
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
    """The standoff registers of a build: entries by id, and the files they came from."""

    entries: dict[str, etree._Element] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    roots: list[etree._Element] = field(default_factory=list)

    def element(self, ids: Iterable[str] | None = None) -> etree._Element:
        """A ``te:registers`` element with copies of the entries (all, or those named by ``ids``)."""
        out = etree.Element(f"{{{TE_NS}}}registers", nsmap={"te": TE_NS, None: TEI_NS})
        if ids is None:
            for root in self.roots:
                for lst in xpath(
                    root,
                    "(tei:text | tei:standOff)//*[self::tei:listPerson"
                    " or self::tei:listPlace or self::tei:listOrg]"
                    "[not(ancestor::tei:listPerson or ancestor::tei:listPlace"
                    " or ancestor::tei:listOrg)]",
                ):
                    out.append(copy.deepcopy(lst))
        else:
            for entry_id in sorted(set(ids)):
                entry = self.entries.get(entry_id)
                if entry is not None:
                    out.append(copy.deepcopy(entry))
        return out


def load_registers(docs: list[EditionDoc]) -> Registers:
    regs = Registers()
    for ed in docs:
        regs.files.append(ed.path)
        regs.roots.append(ed.doc.root)
        for entry in xpath(ed.doc.root, _ENTRY_XPATH):
            regs.entries.setdefault(entry.get(XML_ID, ""), entry)
    return regs


def referenced_ids(root: etree._Element) -> set[str]:
    """Register ids that names in the document point to (``@ref="#id"``), header included."""
    ids: set[str] = set()
    for ref in root.xpath(".//@ref"):
        first = str(ref).split()[0] if str(ref).split() else ""
        if first.startswith("#"):
            ids.add(first[1:])
    return ids


def linked_pages(root: etree._Element, pages_by_file: dict[str, str]) -> dict[str, str]:
    """Pointers (``@target``) to other TEI files of the build, mapped to their page names."""
    found: dict[str, str] = {}
    for target in root.xpath(".//@target"):
        for token in str(target).split():
            name = token.split("#", 1)[0].rsplit("/", 1)[-1]
            if name in pages_by_file:
                found[name] = pages_by_file[name]
    return found


def pages_element(pages: dict[str, str]) -> etree._Element:
    """``te:pages``: which page each linked TEI file became (stylesheets never guess file names)."""
    out = etree.Element(f"{{{TE_NS}}}pages", nsmap={"te": TE_NS})
    for file, page in sorted(pages.items()):
        etree.SubElement(out, f"{{{TE_NS}}}page", file=file, page=page)
    return out


def correspondents(root: etree._Element) -> frozenset[str]:
    """Who writes to whom in a letter (register ids, else normalised names), regardless of direction."""
    people: set[str] = set()
    for el in xpath(
        root,
        "tei:teiHeader//tei:correspAction[@type='sent' or @type='received']"
        "/*[self::tei:persName or self::tei:orgName or self::tei:name]",
    ):
        ref = (el.get("ref") or "").split()
        people.add(ref[0] if ref else " ".join(text_of(el).split()).casefold())
    people.discard("")
    return frozenset(people)


def document_title(root: etree._Element, fallback: str) -> str:
    titles = xpath(
        root,
        "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']"
        " | tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title",
    )
    text = " ".join(text_of(titles[0]).split()) if titles else ""
    return text or fallback


def listing_copy(root: etree._Element) -> etree._Element:
    """What the listing pages (index, timeline, registers) read of a document: its header, the type of its
    first division, and every pointing name of its text as a flat element with the name's text, in
    document order (so mention numbers match the document page), without the rest of the text."""
    out = etree.Element(root.tag, {k: v for k, v in root.attrib.items()}, nsmap={None: TEI_NS})
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        out.append(copy.deepcopy(header))
    text = etree.SubElement(out, f"{{{TEI_NS}}}text")
    body = etree.SubElement(text, f"{{{TEI_NS}}}body")
    first_div = xpath(root, "tei:text/tei:body/tei:div[1]")
    div = etree.SubElement(body, f"{{{TEI_NS}}}div")
    if first_div and first_div[0].get("type"):
        div.set("type", first_div[0].get("type", ""))
    for el in xpath(root, ".//tei:text//*[@ref]"):
        flat = etree.SubElement(div, el.tag, ref=el.get("ref", ""))
        flat.text = corrected_text(el)
    return out


def edition_corpus(
    docs: list[EditionDoc], edition: Edition, *, listing: bool = False
) -> etree._Element:
    """A teiCorpus holding copies of all documents (each with xml:base = its page name); with ``listing``,
    only what the listing pages need of each (see listing_copy)."""
    header = E.teiHeader(
        E.fileDesc(
            E.titleStmt(E.title(edition.title)),
            E.publicationStmt(E.publisher(edition.publisher or "Unpublished")),
            E.sourceDesc(E.p("Generated by teiedit from the edition's TEI files.")),
        )
    )
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    corpus.append(header)
    for ed in docs:
        if ed.doc.root.tag != f"{{{TEI_NS}}}TEI":
            continue
        root = listing_copy(ed.doc.root) if listing else copy.deepcopy(ed.doc.root)
        root.set(XML_BASE, ed.page + ".xml")
        corpus.append(root)
    return corpus


def bundle(*parts: etree._Element, kind: str = "document") -> etree._Element:
    """A ``te:bundle``: a document (or corpus) with registers and page names, input of the site stylesheets."""
    out = etree.Element(f"{{{TE_NS}}}bundle", nsmap={"te": TE_NS, None: TEI_NS}, kind=kind)
    for part in parts:
        out.append(part)
    return out

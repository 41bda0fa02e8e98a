"""The in-memory inputs of the stylesheets: a document bundled with the register entries it names and
the pages of the files it points to, and the edition as one teiCorpus (whole, or what the listing pages
need of each document), with the facts of each document (teiedit/facts.py).

Each copy in the corpus carries ``xml:base`` with the safe page name teiedit chose for it (teiedit/
edition.py), so stylesheets never derive file names from ids found in the TEI.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from lxml import etree

from teiedit.config import Settings
from teiedit.document import TEI_NS, E, corrected_text, text_of, xpath
from teiedit.edition import EditionDoc
from teiedit.facts import DocumentFacts
from teiedit.registers import Registers

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
TE_NS = "urn:teiedit"

#: Facts of the documents of a corpus, by their copy in it (see teiedit/facts.py: facts_document).
CorpusFacts = dict[etree._Element, DocumentFacts]


def registers_element(registers: Registers, ids: Iterable[str] | None = None) -> etree._Element:
    """A ``te:registers`` element with copies of the entries (all the registers' lists, or the entries
    named by ``ids``)."""
    out = etree.Element(f"{{{TE_NS}}}registers", nsmap={"te": TE_NS, None: TEI_NS})
    if ids is None:
        for root in registers.roots:
            for lst in xpath(
                root,
                # a register file may be a bare list (a natural minimal <listPerson> file)
                "(. | (tei:text | tei:standOff)//*)[self::tei:listPerson"
                " or self::tei:listPlace or self::tei:listOrg]"
                "[not(ancestor::tei:listPerson or ancestor::tei:listPlace"
                " or ancestor::tei:listOrg)]",
            ):
                out.append(copy.deepcopy(lst))
    else:
        for entry_id in sorted(set(ids)):
            entry = registers.entries.get(entry_id)
            if entry is not None and entry.element is not None:
                out.append(copy.deepcopy(entry.element))
    return out


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


def listing_copy(root: etree._Element) -> etree._Element:
    """What the listing pages (index, timeline, registers) read of a document: its header and every
    pointing name of its text as a flat element with the name's text, in document order (so mention
    numbers match the document page), without the rest of the text (its facts come from the whole)."""
    out = etree.Element(root.tag, {k: v for k, v in root.attrib.items()}, nsmap={None: TEI_NS})
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        out.append(copy.deepcopy(header))
    text = etree.SubElement(out, f"{{{TEI_NS}}}text")
    body = etree.SubElement(text, f"{{{TEI_NS}}}body")
    div = etree.SubElement(body, f"{{{TEI_NS}}}div")
    for el in xpath(root, ".//tei:text//*[@ref]"):
        flat = etree.SubElement(div, el.tag, ref=el.get("ref", ""))
        flat.text = corrected_text(el)
    return out


def edition_corpus(
    docs: list[EditionDoc], settings: Settings, *, listing: bool = False
) -> tuple[etree._Element, CorpusFacts]:
    """A teiCorpus holding copies of all documents (each with xml:base = its page name), and the facts of
    each copy's document; with ``listing``, only what the listing pages need of each (see listing_copy)."""
    header = E.teiHeader(
        E.fileDesc(
            E.titleStmt(E.title(settings.title)),
            E.publicationStmt(E.publisher(settings.publisher or "Unpublished")),
            E.sourceDesc(E.p("Generated by teiedit from the edition's TEI files.")),
        )
    )
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    corpus.append(header)
    facts: CorpusFacts = {}
    for ed in docs:
        if ed.doc.root.tag != f"{{{TEI_NS}}}TEI":
            continue
        root = listing_copy(ed.doc.root) if listing else copy.deepcopy(ed.doc.root)
        root.set(XML_BASE, ed.page + ".xml")
        corpus.append(root)
        facts[root] = ed.facts
    return corpus, facts


def bundle(*parts: etree._Element, kind: str = "document") -> etree._Element:
    """A ``te:bundle``: a document (or corpus) with registers and page names, input of the site stylesheets."""
    out = etree.Element(f"{{{TE_NS}}}bundle", nsmap={"te": TE_NS, None: TEI_NS}, kind=kind)
    for part in parts:
        out.append(part)
    return out

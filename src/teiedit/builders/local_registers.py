"""The registers a document keeps itself (a letter edition's listPerson, listPlace, listOrg, listBibl and
listEvent in its text, back or standOff), for builders: the web page renders them and links the names to
them (xslt/html/entities.xsl); a builder that merges them into the edition's register pages reads them
here."""

from __future__ import annotations

from lxml import etree

from teiedit.document import TEI_NS, XML_ID, xpath

#: Lists of entries, and the entries each holds.
LISTS = ("listPerson", "listPlace", "listOrg", "listBibl", "listEvent")
ENTRIES = ("person", "personGrp", "place", "org", "bibl", "biblStruct", "event")


def document_registers(root: etree._Element) -> list[etree._Element]:
    """The outermost lists of the document's own registers (in text or standOff) that hold entries with
    ids, in document order."""
    lists = " or ".join(f"self::tei:{name}" for name in LISTS)
    found = xpath(root, f"(.//tei:text | .//tei:standOff)//*[{lists}]")
    outermost = [
        el
        for el in found
        if not any(
            etree.QName(a).localname in LISTS and etree.QName(a).namespace == TEI_NS
            for a in el.iterancestors()
        )
    ]
    return [el for el in dict.fromkeys(outermost) if document_entries(el)]


def document_entries(root: etree._Element) -> dict[str, etree._Element]:
    """Id -> entry of the registers inside ``root`` (a document or one of its lists); the first entry
    of an id wins."""
    entries: dict[str, etree._Element] = {}
    for el in root.iter(*(f"{{{TEI_NS}}}{name}" for name in ENTRIES)):
        parent = el.getparent()
        if el.tag.endswith(("}bibl", "}biblStruct")) and (
            parent is None or parent.tag != f"{{{TEI_NS}}}listBibl"
        ):
            continue
        entry_id = el.get(XML_ID)
        if entry_id:
            entries.setdefault(entry_id, el)
    return entries

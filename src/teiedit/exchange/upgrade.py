"""Older forms of TEI made importable: internal entities expanded, TEI P4 brought to P5.

Both are refused by teiedit's readers as they stand (entities are never expanded while reading; a P4
document is not in the TEI namespace), yet both are common in older projects' files. The import stores the
upgraded tree instead of a byte-identical copy and says so in its manifest.
"""

from __future__ import annotations

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.document import TEI_NS
from teiedit.io import entity_names, parse_xml_bytes

XML_NS = "http://www.w3.org/XML/1998/namespace"
#: P4 roots and their P5 names.
P4_ROOTS = {"TEI.2": "TEI", "teiCorpus.2": "teiCorpus"}
#: P4 elements P5 renamed.
P4_RENAMED = {"xref": "ref", "xptr": "ptr"}
#: P4 attributes P5 moved into the XML namespace.
P4_XML_ATTRIBUTES = {"id": "id", "lang": "lang"}
#: P4 attributes that point at ids (IDREF/IDREFS in its DTD); P5 writes them as URIs ("#id").
P4_POINTERS = frozenset(
    {"target", "targets", "corresp", "sameAs", "copyOf", "next", "prev", "who", "resp", "hand",
     "wit", "ana", "decls", "synch", "from", "to", "scribe", "render", "start", "end", "new", "loc"}
)  # fmt: skip
#: The expanded document may be at most this many times the size of the file (an expansion bomb is refused).
MAX_GROWTH = 10


def expand_internal_entities(data: bytes, tree: etree._ElementTree, path: object) -> bytes | None:
    """The document with the entities its DOCTYPE declares expanded, without the DOCTYPE; None when it
    declares none. Entities that name an outside file are refused (they would read the file system or the
    network), and so is an expansion that grows past MAX_GROWTH times the file."""
    dtd = tree.docinfo.internalDTD
    declared, _used = entity_names(tree)
    if dtd is None or not declared:
        return None
    outside = sorted(str(e.name) for e in dtd.iterentities() if e.system_url)
    if outside:
        raise TeieditError(
            f"the file declares entities that read other files ({', '.join(outside[:5])})",
            str(path),
            hint="replace these entities by the text they stand for and remove their declarations",
        )
    parser = etree.XMLParser(
        resolve_entities=True, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise TeieditError(
            f"its entities cannot be expanded: {exc.msg}",
            str(path),
            line=exc.lineno or 0,
            hint="replace the entities by the text they stand for and remove their declarations",
        ) from None
    before = [etree.tostring(s) for s in reversed(list(root.itersiblings(preceding=True)))]
    after = [etree.tostring(s) for s in root.itersiblings()]
    body = etree.tostring(root, encoding="UTF-8")
    expanded = b'<?xml version="1.0" encoding="UTF-8"?>\n' + b"\n".join([*before, body, *after])
    if len(expanded) > MAX_GROWTH * len(data):
        raise TeieditError(
            f"its entities expand to {len(expanded):,} bytes from {len(data):,} (more than {MAX_GROWTH} times)",
            str(path),
            hint="replace the entities by the text they stand for and remove their declarations",
        )
    return expanded


def is_p4(root: etree._Element) -> bool:
    """A TEI P4 document: TEI.2 or teiCorpus.2 in no namespace."""
    return not etree.QName(root).namespace and etree.QName(root).localname in P4_ROOTS


def upgrade_p4(root: etree._Element, path: object) -> etree._ElementTree:
    """The P4 document in P5's form: its elements in the TEI namespace (TEI.2 as TEI, xref as ref, xptr
    as ptr), id and lang as xml:id and xml:lang, pointers to ids as "#id", P4's TEIform attributes
    left out; its text untouched."""
    if root.xpath("//*[namespace-uri() != '']"):
        raise TeieditError(
            "the file looks like TEI P4 (<TEI.2>) but holds elements of other namespaces",
            str(path),
            hint="convert it to TEI P5 with the TEI's own P4-to-P5 conversion, then import it",
        )
    ids = {str(v) for v in root.xpath("//@id")}
    for el in root.iter(tag=etree.Element):
        name = etree.QName(el).localname
        el.tag = f"{{{TEI_NS}}}{P4_ROOTS.get(name, P4_RENAMED.get(name, name))}"
        for key, value in list(el.attrib.items()):
            if etree.QName(key).namespace:
                continue
            del el.attrib[key]
            tokens = value.split()
            if key in P4_XML_ATTRIBUTES:
                el.set(f"{{{XML_NS}}}{P4_XML_ATTRIBUTES[key]}", value)
            elif key in P4_POINTERS and tokens and all(t in ids for t in tokens):
                el.set(key, " ".join("#" + t for t in tokens))
            elif key != "TEIform":
                el.set(key, value)
    # (A new root declares the TEI namespace as the default one; the renamed root would declare a prefix.)
    upgraded = etree.Element(root.tag, dict(root.attrib), nsmap={None: TEI_NS})
    upgraded.text = root.text
    for child in list(root):
        upgraded.append(child)
    etree.cleanup_namespaces(upgraded)
    data = etree.tostring(upgraded, xml_declaration=True, encoding="UTF-8")
    return parse_xml_bytes(data, str(path))

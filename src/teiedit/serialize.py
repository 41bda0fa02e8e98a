"""The one place where TEI trees become bytes: xml-model PIs, readable indentation, UTF-8.

Whitespace in mixed content is data, so indentation is added only inside elements whose content model
is element-only (listed below) and only where the tree has no text there yet.
"""

from __future__ import annotations

from lxml import etree

from teiedit.document import TEI_NS, local_name

#: TEI elements whose content is elements only (no character data), so whitespace there is insignificant.
ELEMENT_ONLY = frozenset(
    [
        "TEI",
        "teiCorpus",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "editionStmt",
        "publicationStmt",
        "seriesStmt",
        "notesStmt",
        "sourceDesc",
        "respStmt",
        "availability",
        "encodingDesc",
        "editorialDecl",
        "projectDesc",
        "samplingDecl",
        "appInfo",
        "profileDesc",
        "langUsage",
        "textClass",
        "revisionDesc",
        "listChange",
        "correspDesc",
        "correspContext",
        "msDesc",
        "msIdentifier",
        "msContents",
        "physDesc",
        "history",
        "additional",
        "biblFull",
        "text",
        "front",
        "body",
        "back",
        "group",
        "div",
        "listBibl",
        "listPerson",
        "listPlace",
        "listOrg",
        "listEvent",
        "listRelation",
        "person",
        "place",
        "org",
        "event",
        "list",
        "opener",
        "closer",
        "table",
        "row",
        "particDesc",
        "settingDesc",
        "tagsDecl",
        "namespace",
        "classDecl",
        "taxonomy",
        "category",
        "catDesc",
        "standOff",
    ]
)

SCHEMA_PIS = (
    ('href="{rng}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'),
    ('href="{sch}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"'),
)


def indent_tei(root: etree._Element, level: int = 0, step: str = "  ") -> None:
    """Indent element-only containers in place; never touch mixed content."""
    name = local_name(root)
    if (
        name not in ELEMENT_ONLY
        or etree.QName(root).namespace != TEI_NS
        or len(root) == 0
        or (root.text and root.text.strip())
        or any(child.tail and child.tail.strip() for child in root)
    ):
        return
    inner = "\n" + step * (level + 1)
    root.text = inner
    for child in root:
        child.tail = inner
        if isinstance(child.tag, str):
            indent_tei(child, level + 1, step)
    root[-1].tail = "\n" + step * level


def serialize_tei(
    tree: etree._ElementTree | etree._Element,
    *,
    rng_href: str | None = None,
    sch_href: str | None = None,
    indent: bool = True,
) -> bytes:
    """Serialise a TEI tree as UTF-8 with an XML declaration and xml-model PIs for RNG and Schematron."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if indent:
        indent_tei(root)
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    head = ['<?xml version="1.0" encoding="UTF-8"?>']
    if rng_href:
        head.append(f"<?xml-model {SCHEMA_PIS[0].format(rng=rng_href)}?>")
    if sch_href:
        head.append(f"<?xml-model {SCHEMA_PIS[1].format(sch=sch_href)}?>")
    # Keep other top-level comments and PIs; xml-model PIs are rewritten above, never duplicated.
    for node in _preceding_siblings(root):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            continue
        head.append(etree.tostring(node, encoding="unicode").strip())
    return ("\n".join(head) + "\n").encode("utf-8") + body + b"\n"


def _preceding_siblings(root: etree._Element) -> list[etree._Element]:
    out = []
    node = root.getprevious()
    while node is not None:
        out.append(node)
        node = node.getprevious()
    return list(reversed(out))

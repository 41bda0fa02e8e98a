"""A document's citation tree for DTS: its ``refsDecl/citeStructure`` (the document's own, else the one
the DTS view adds for teiedit's documents), the citable units it gives and the TEI fragments they cut.

teiedit's default structure: the divisions of ``text/body`` (citeType ``section``), and in each the blocks
(paragraphs, lists, quotations, openers, closers, dictionary entries..., citeType ``block``), numbered by
position: ``1``, ``1.3``. A body without divisions is cited by its blocks alone; the texts of a
``text/group`` by their blocks, a ``sourceDoc`` by its surfaces and their zones, a ``teiCorpus`` by its
documents and their blocks. The document in ``tei/`` is not
changed: the DTS document endpoint serves a copy whose ``encodingDesc`` declares the structure used.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import TEI_NS, E, tei

NS = {"tei": TEI_NS}
DTS_NS = "https://w3id.org/api/dts#"
BLOCKS = (
    "tei:p | tei:list | tei:quote | tei:ab | tei:table | tei:lg | tei:opener | tei:closer"
    " | tei:postscript | tei:div | tei:floatingText | tei:figure | tei:listBibl | tei:sp"
    " | tei:entry | tei:entryFree | tei:superEntry"
)
_NAME_TEST = re.compile(r"(^|[/|(\[,]\s*)([A-Za-z_][\w.-]*)(?=\s*($|[/|)\[\],]))")


def _blocks_within(unit: str, match: str, body: str) -> etree._Element:
    """A citeStructure of ``unit``s (``match``), each cited by the blocks of its body (``body`` is the
    path from the unit to them): a teiCorpus's documents, a group's texts."""
    inner = " | ".join(f"{body}{b.strip()}" for b in BLOCKS.split("|"))
    return E.citeStructure(
        E.citeStructure(unit="block", match=inner, use="position()", delim="."),
        unit=unit,
        match=match,
        use="position()",
    )


def default_cite_structure(root: etree._Element) -> etree._Element:
    """The citeStructure the DTS view gives a teiedit document (see the module's docstring)."""
    if root.tag == tei("teiCorpus"):  # its documents, then each one's blocks
        return _blocks_within("document", "/tei:teiCorpus/tei:TEI", "tei:text/tei:body/")
    body_divs = root.xpath("tei:text/tei:body/tei:div", namespaces=NS)
    blocks = E.citeStructure(unit="block", match=BLOCKS, use="position()", delim=".")
    if body_divs:
        return E.citeStructure(
            blocks, unit="section", match="/tei:TEI/tei:text/tei:body/tei:div", use="position()"
        )
    if not root.xpath("tei:text/tei:body", namespaces=NS):
        # a collection in text/group (each text cited by its blocks), a transcription in sourceDoc
        # (by its surfaces and their zones): without these, DTS had no passage of such a document
        if root.xpath("tei:text/tei:group/tei:text/tei:body", namespaces=NS):
            return _blocks_within("text", "/tei:TEI/tei:text/tei:group/tei:text", "tei:body/")
        if root.xpath("tei:sourceDoc/tei:surface", namespaces=NS):
            return E.citeStructure(
                E.citeStructure(unit="zone", match="tei:zone", use="position()", delim="."),
                unit="surface",
                match="/tei:TEI/tei:sourceDoc/tei:surface",
                use="position()",
            )
    top = E.citeStructure(
        unit="block",
        match=" | ".join(f"/tei:TEI/tei:text/tei:body/{b.strip()}" for b in BLOCKS.split("|")),
        use="position()",
    )
    return top


def cite_structure(root: etree._Element) -> etree._Element:
    """The document's own first citeStructure (refsDecl), else the default one."""
    own = root.find(f".//{tei('encodingDesc')}/{tei('refsDecl')}/{tei('citeStructure')}")
    return own if own is not None else default_cite_structure(root)


def _xpath(expr: str) -> str:
    """A citeStructure XPath for lxml: unprefixed name tests are TEI's (the citeStructure convention)."""
    return _NAME_TEST.sub(lambda m: f"{m.group(1)}tei:{m.group(2)}", expr)


@dataclass
class Unit:
    """A citable unit: its reference, level (1 = top), parent reference, type, and element."""

    identifier: str
    level: int
    parent: str | None
    cite_type: str
    node: etree._Element
    children: list[Unit] = field(default_factory=list)

    @property
    def title(self) -> str:
        head = self.node.find(tei("head"))
        return " ".join("".join(head.itertext()).split()) if head is not None else ""


def citation_units(root: etree._Element, structure: etree._Element | None = None) -> list[Unit]:
    """Every citable unit of the document, in document order (pre-order, depth first)."""
    out: list[Unit] = []

    def walk(context: etree._Element, spec: etree._Element, parent: Unit | None) -> None:
        try:
            matches = context.xpath(_xpath(spec.get("match", "")), namespaces=NS)
        except etree.XPathError:
            return
        nodes = [m for m in matches if isinstance(m, etree._Element)]
        for i, node in enumerate(nodes, start=1):
            use = spec.get("use", "position()")
            if use.strip() == "position()":
                value = str(i)
            else:
                value = str(node.xpath(f"string({_xpath(use)})", namespaces=NS)) or str(i)
            ident = (parent.identifier + spec.get("delim", "")) if parent else spec.get("delim", "")
            unit = Unit(
                identifier=f"{ident}{value}" if parent else f"{value}",
                level=(parent.level + 1) if parent else 1,
                parent=parent.identifier if parent else None,
                cite_type=spec.get("unit", ""),
                node=node,
            )
            out.append(unit)
            if parent is not None:
                parent.children.append(unit)
            for child in spec.findall(tei("citeStructure")):
                walk(node, child, unit)

    spec = structure if structure is not None else cite_structure(root)
    walk(root, spec, None)
    return out


def structure_json(spec: etree._Element) -> dict[str, object]:
    """A citeStructure as DTS's CiteStructure object."""
    out: dict[str, object] = {"@type": "CiteStructure", "citeType": spec.get("unit", "")}
    children = [structure_json(c) for c in spec.findall(tei("citeStructure"))]
    if children:
        out["citeStructure"] = children
    return out


def with_refs_decl(root: etree._Element) -> etree._Element:
    """A copy of the document whose encodingDesc declares the citeStructure DTS uses."""
    out = copy.deepcopy(root)
    header = out.find(tei("teiHeader"))
    if (
        header is None
        or out.find(f".//{tei('encodingDesc')}/{tei('refsDecl')}/{tei('citeStructure')}")
        is not None
    ):
        return out
    enc = header.find(tei("encodingDesc"))
    if enc is None:
        enc = E.encodingDesc()
        file_desc = header.find(tei("fileDesc"))
        if file_desc is not None:
            file_desc.addnext(enc)
        else:
            header.insert(0, enc)
    enc.append(E.refsDecl(copy.deepcopy(default_cite_structure(root))))
    return out


def fragment(root: etree._Element, units: list[Unit]) -> etree._Element:
    """A TEI document holding the units' elements in a ``dts:wrapper`` (the header kept for context)."""
    out = etree.Element(tei("TEI"), nsmap={None: TEI_NS, "dts": DTS_NS})
    header = root.find(tei("teiHeader"))
    if header is not None:
        out.append(copy.deepcopy(header))
    wrapper = etree.Element(f"{{{DTS_NS}}}wrapper")
    for unit in units:
        wrapper.append(copy.deepcopy(unit.node))
        wrapper[-1].tail = None
    out.append(E.text(E.body(wrapper)))
    return out


def top_units(units: list[Unit]) -> list[Unit]:
    """The units not inside another unit of the list (a range's outermost elements)."""
    chosen: list[Unit] = []
    for unit in units:
        if not any(_inside(unit.node, other.node) for other in chosen):
            chosen.append(unit)
    return chosen


def _inside(node: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in node.iterancestors())

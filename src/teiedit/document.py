"""TEI namespaces, the one ElementMaker, and TeiDocument (a tree with its name and origin)."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
NSMAP = {"tei": TEI_NS, "xml": XML_NS, "xi": XI_NS}

#: Build TEI elements: ``E.p("text", E.persName("Kim", ref="#kim-il-sung"))``.
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"


#: A pointer into another TEI file: a relative path (no scheme, so no URL) ending in ``.xml``, then ``#id``.
_FILE_POINTER = re.compile(r"^(?:[^#:/\s]*/)*(?P<file>[^#:/\s]+\.xml)#(?P<id>[^#\s]+)$")


def register_pointer(ref: str | None) -> str:
    """What the first pointer of a ``@ref`` names, as a key: ``#p1`` gives ``p1`` (an id of the
    registers or of the document); ``persons.xml#p1`` or ``../indices/persons.xml#p1`` gives
    ``persons.xml#p1`` (an entry of that register file); anything else (a URL, a bare word) ''."""
    first = (ref or "").split()[0] if (ref or "").split() else ""
    if first.startswith("#"):
        return first[1:]
    found = _FILE_POINTER.match(first)
    return f"{found['file']}#{found['id']}" if found else ""


def slugify(text: str, *, max_len: int = 80, fallback: str = "document") -> str:
    """A safe file name or id: ASCII letters, digits and hyphens, starting with a letter (``fallback``
    when nothing of ``text`` is left)."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")[:max_len].strip("-")
    if not slug:
        return fallback
    return slug if slug[0].isalpha() else "d-" + slug


def tei(local: str) -> str:
    """The Clark name of a TEI element: ``tei("p")`` -> ``{http://www.tei-c.org/ns/1.0}p``."""
    return f"{{{TEI_NS}}}{local}"


def local_name(el: etree._Element) -> str:
    """The local name of an element (``p`` for ``tei:p``); empty for comments and PIs."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]  # "{ns}p" -> "p" (as QName's localname, without building one)


_TEI_PREFIX = f"{{{TEI_NS}}}"


def is_tei(el: etree._Element) -> bool:
    """True for an element in the TEI namespace (False for comments and PIs)."""
    tag = el.tag
    return isinstance(tag, str) and tag.startswith(_TEI_PREFIX)


def xpath(node: etree._Element | etree._ElementTree, expr: str) -> list[etree._Element]:
    """Evaluate an XPath with the ``tei``, ``xml`` and ``xi`` prefixes bound; element results only."""
    return [n for n in node.xpath(expr, namespaces=NSMAP) if isinstance(n, etree._Element)]


def text_of(node: etree._Element) -> str:
    """All text of an element and its descendants, in document order (the 'original reading')."""
    return "".join(node.itertext())


def append_text(el: etree._Element, last: etree._Element | None, text: str) -> None:
    """Add ``text`` to mixed content: after ``last`` (its tail) or, when there is no child yet, to ``el.text``."""
    if not text:
        return
    if last is None:
        el.text = (el.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def replace_with(node: etree._Element, parts: Sequence[str | etree._Element]) -> None:
    """Put ``parts`` (strings and copies of elements, as mixed content) where ``node`` was, keeping the text
    around it. ``node`` must have a parent."""
    parent = node.getparent()
    assert parent is not None, "replace_with needs an element inside a tree"
    index = parent.index(node)
    prev = node.getprevious()
    tail = node.tail or ""
    nodes: list[etree._Element] = []
    text_before = ""
    for part in parts:
        if isinstance(part, str):
            if nodes:
                nodes[-1].tail = (nodes[-1].tail or "") + part
            else:
                text_before += part
        else:
            nodes.append(copy.deepcopy(part))
            nodes[-1].tail = None
    append_text(parent, prev, text_before)
    parent.remove(node)
    for offset, new in enumerate(nodes):
        parent.insert(index + offset, new)
    append_text(parent, nodes[-1] if nodes else prev, tail)


_HIDDEN_IN_CORRECTED = {"sic": "corr", "orig": "reg", "abbr": "expan"}


def corrected_text(node: etree._Element) -> str:
    """The text of an element in its corrected reading: of each choice the corr/reg/expan, not sic/orig/abbr."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        name = local_name(el) if isinstance(el.tag, str) else ""
        partner = _HIDDEN_IN_CORRECTED.get(name)
        parent = el.getparent()
        hidden = (
            partner is not None
            and parent is not None
            and local_name(parent) == "choice"
            and parent.find(f"{{{TEI_NS}}}{partner}") is not None
        )
        if not hidden and isinstance(el.tag, str):
            parts.append(el.text or "")
            for child in el:
                walk(child)
                parts.append(child.tail or "")

    walk(node)
    return "".join(parts)


#: Elements whose content is an editorial addition, not part of the source's reading.
_NOT_ORIGINAL = frozenset({"corr", "reg", "expan", "ex"})


#: rend token marking an element that stands for a square-bracket expression of the source.
BRACKETS_REND = "brackets"

#: rend tokens that stand for marks of the source which are not kept as characters, with the marks they
#: stand for (before, after): the brackets pass's ``[…]`` and the rendition pass's ``*…*``, ``**…**``,
#: ``_…_``, ``__…__``. The original reading gives the marks back; the first token is the outermost.
SOURCE_MARKS: dict[str, tuple[str, str]] = {
    BRACKETS_REND: ("[", "]"),
    "mark-asterisk": ("*", "*"),
    "mark-asterisk2": ("**", "**"),
    "mark-underscore": ("_", "_"),
    "mark-underscore2": ("__", "__"),
}


def source_marks(el: etree._Element) -> list[tuple[str, str]]:
    """The marks of the source that ``el``'s ``@rend`` stands for, outermost first."""
    return [SOURCE_MARKS[t] for t in (el.get("rend") or "").split() if t in SOURCE_MARKS]


def original_reading(el: etree._Element) -> str:
    """The source's own text under ``el``: everything but corrections, regularisations and teiedit notes.

    An element with ``@rend="brackets"`` stands for a bracketed expression of the source (``[illegible]``
    encoded as ``gap``, ``[or]`` as ``supplied``, ...): its brackets are given back around its own reading;
    so are the other marks of ``SOURCE_MARKS`` (``hi rend="italic mark-asterisk"`` reads ``*…*``).
    """
    # The pipeline reads a document's whole text after every pass: tags are compared as strings (no
    # QName objects) and a function call is made only for an element with children.
    parts: list[str] = []
    add = parts.append

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if isinstance(tag, str) and not (
                tag in _NOT_ORIGINAL_TAGS or (tag == _NOTE and child.get("resp") == RESP_TEIEDIT)
            ):
                rend = child.get("rend") if tag.startswith(_TEI_PREFIX) else None
                marks = (
                    [SOURCE_MARKS[t] for t in rend.split() if t in SOURCE_MARKS] if rend else None
                )
                if marks:
                    parts.extend(before for before, _ in marks)
                if child.text:
                    add(child.text)
                if len(child):
                    walk(child)
                if marks:
                    parts.extend(after for _, after in reversed(marks))
            if child.tail:
                add(child.tail)

    if el.text:
        add(el.text)
    walk(el)
    return "".join(parts)


_NOT_ORIGINAL_TAGS = frozenset(tei(name) for name in _NOT_ORIGINAL)
_NOTE = tei("note")


#: ``@resp`` of the markup teiedit makes: the application every document declares in ``appInfo``.
RESP_TEIEDIT = "#teiedit"


def is_teiedit_note(el: etree._Element) -> bool:
    """A note teiedit wrote (``note[@resp="#teiedit"]``): not the source's text, never rewritten."""
    return bool(el.tag == tei("note") and el.get("resp") == RESP_TEIEDIT)


def is_pdf_debris(el: etree._Element) -> bool:
    """Raw PDF operators the repair pass set aside (``seg[@type="pdf-debris"]``): no pass reads them."""
    return bool(el.tag == tei("seg") and el.get("type") == "pdf-debris")


def text_roots(root: etree._Element) -> list[etree._Element]:
    """The outermost ``tei:text`` elements outside the header (a teiCorpus holds several TEI)."""
    # What //tei:text[not(ancestor::tei:text)][not(ancestor::tei:teiHeader)] selects, without testing
    # the ancestors of every node of the document (each pass asks).
    top = root.getroottree().getroot()
    text, header = tei("text"), tei("teiHeader")
    return [el for el in top.iter(text) if next(el.iterancestors(text, header), None) is None]


#: encodingDesc children that TEI's examples and our conventions put after editorialDecl.
_AFTER_EDITORIAL_DECL = frozenset(
    {
        "tagsDecl",
        "styleDefDecl",
        "refsDecl",
        "listPrefixDef",
        "prefixDef",
        "classDecl",
        "geoDecl",
        "unitDecl",
        "schemaSpec",
        "schemaRef",
        "listTranspose",
        "fsdDecl",
        "metDecl",
        "variantEncoding",
    }
)


def editorial_decl(root: etree._Element) -> etree._Element | None:
    """The document's teiHeader/encodingDesc/editorialDecl, created where missing; None without a header.

    A new encodingDesc follows fileDesc; a new editorialDecl comes before the encodingDesc children that
    TEI's examples put after it (tagsDecl, refsDecl, ...), else last.
    """
    header = root.find(tei("teiHeader"))
    if header is None:
        return None
    enc = header.find(tei("encodingDesc"))
    if enc is None:
        enc = etree.Element(tei("encodingDesc"))
        file_desc = header.find(tei("fileDesc"))
        if file_desc is not None:
            file_desc.addnext(enc)
        else:
            header.insert(0, enc)
    decl = enc.find(tei("editorialDecl"))
    if decl is None:
        decl = etree.Element(tei("editorialDecl"))
        later = [c for c in enc if local_name(c) in _AFTER_EDITORIAL_DECL]
        if later:
            later[0].addprevious(decl)
        else:
            enc.append(decl)
    return decl


@dataclass
class TeiDocument:
    """One TEI document in the pipeline: the tree, its name (file stem / xml:id) and where it came from."""

    tree: etree._ElementTree
    name: str
    origin: Path | None = None
    #: Free-form facts a reader or pass wants the report to carry (profile chosen, encoding, ...).
    decisions: list[str] = field(default_factory=list)

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def title(self) -> str:
        titles = xpath(self.root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]")
        return " ".join(text_of(titles[0]).split()) if titles else self.name

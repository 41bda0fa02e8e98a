"""Adding an entry to the edition's registers: a fresh id, the right register file (the one whose list
holds that kind of entry), the file's own formatting and comments kept, written atomically."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.document import TEI_NS, XML_ID, slugify, tei
from teiedit.io import read_xml

#: kind -> (entry element, name element, list element, file a new register is created as)
SHAPES: dict[str, tuple[str, str, str, str]] = {
    "person": ("person", "persName", "listPerson", "persons.xml"),
    "place": ("place", "placeName", "listPlace", "places.xml"),
    "org": ("org", "orgName", "listOrg", "orgs.xml"),
}


@dataclass
class NewEntry:
    """What the editor gives: the preferred name and the other spellings, and what is known."""

    kind: str
    name: str
    variants: list[str] = field(default_factory=list)
    ident: str = ""  # the xml:id; "": one made from the name
    description: str = ""
    authority: tuple[str, str] | None = None  # (type, identifier), e.g. ("wikidata", "Q39464")
    org_type: str = ""  # an org's kind: party, embassy, ministry...


def fresh_id(name: str, taken: set[str]) -> str:
    """An xml:id made from the name that no entry has yet (``kim-tu-bong``, then ``kim-tu-bong-2``)."""
    base = slugify(name, max_len=60, fallback="entry")
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    return ident


def entry_element(entry: NewEntry, ident: str, indent: str) -> etree._Element:
    """The entry as TEI, indented to sit at ``indent`` (its children two spaces deeper)."""
    element, name_tag, _, _ = SHAPES[entry.kind]
    el = etree.Element(tei(element), nsmap={None: TEI_NS})
    el.set(XML_ID, ident)
    if entry.org_type:
        el.set("type", entry.org_type)
    inner = indent + "  "
    children: list[etree._Element] = []
    preferred = etree.Element(tei(name_tag), type="preferred")
    preferred.text = entry.name
    children.append(preferred)
    for variant in entry.variants:
        if variant != entry.name:
            other = etree.Element(tei(name_tag), type="variant")
            other.text = variant
            children.append(other)
    # the authority before the note: an org takes them in that order only
    if entry.authority:
        idno = etree.Element(tei("idno"), type=entry.authority[0])
        idno.text = entry.authority[1]
        children.append(idno)
    if entry.description:
        note = etree.Element(tei("note"), type="description")
        note.text = entry.description
        children.append(note)
    el.text = "\n" + inner
    for i, child in enumerate(children):
        child.tail = "\n" + (inner if i < len(children) - 1 else indent)
        el.append(child)
    return el


def find_list(
    files: list[Path], kind: str
) -> tuple[Path, etree._ElementTree, etree._Element] | None:
    """The register file with a list of this kind of entry, and that list: the file of the kind's own
    name (persons.xml...) when it has one, else the first in name order."""
    list_tag = tei(SHAPES[kind][2])
    # an edition may add its own register files beside persons.xml ("extra-persons.xml"): a new entry
    # still goes where the help says, not into whichever file sorts first
    own = [p for p in files if p.name == SHAPES[kind][3]]
    for path in own + [p for p in files if p not in own]:
        tree = read_xml(path)
        root = tree.getroot()
        found = root if root.tag == list_tag else next(root.iter(list_tag), None)
        if found is not None:
            return path, tree, found
    return None


def new_register(kind: str) -> etree._ElementTree:
    """A register of one kind that holds nothing yet: the list alone, in the TEI namespace."""
    root = etree.Element(tei(SHAPES[kind][2]), nsmap={None: TEI_NS})
    root.text = "\n"
    return etree.ElementTree(root)


def add_entry(
    tree: etree._ElementTree, lst: etree._Element, entry: NewEntry, taken: set[str]
) -> str:
    """Append the entry at the end of the list (after its last entry, before a trailing comment's
    neighbour whitespace), indented as the list's entries are; returns its id."""
    ident = entry.ident or fresh_id(entry.name, taken)
    if ident in taken:
        raise ValueError(ident)
    depth = sum(1 for _ in lst.iterancestors())
    children = [c for c in lst if isinstance(c.tag, str)]
    if children:
        before = children[-1].getprevious()
        space = (before.tail if before is not None else lst.text) or ""
        indent = space.rsplit("\n", 1)[-1] if "\n" in space else "  " * (depth + 1)
    else:
        indent = "  " * (depth + 1)
    el = entry_element(entry, ident, indent)
    last = lst[-1] if len(lst) else None
    closing = (last.tail if last is not None else lst.text) or "\n"
    closing_indent = closing.rsplit("\n", 1)[-1] if "\n" in closing else "  " * depth
    if last is not None:
        last.tail = "\n" + indent
    else:
        lst.text = "\n" + indent
    el.tail = "\n" + closing_indent
    lst.append(el)
    return ident


def serialize_register(tree: etree._ElementTree, original: bytes) -> bytes:
    """The file as it was with the entry added: its XML declaration as written, the processing
    instructions and comments before and after the root one a line each (lxml would join them)."""
    root = tree.getroot()
    declaration = b""
    stripped = original.lstrip(b"\xef\xbb\xbf")
    if stripped.startswith(b"<?xml "):
        declaration = stripped.split(b"?>", 1)[0] + b"?>\n"

    def siblings(node: etree._Element | None, forward: bool) -> list[bytes]:
        out = []
        while node is not None:
            out.append(bytes(etree.tostring(node, with_tail=False)))
            node = node.getnext() if forward else node.getprevious()
        return out if forward else out[::-1]

    before = siblings(root.getprevious(), forward=False)
    after = siblings(root.getnext(), forward=True)
    body = bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=False, with_tail=False))
    return (
        declaration
        + b"".join(b + b"\n" for b in before)
        + body
        + b"\n"
        + b"".join(a + b"\n" for a in after)
    )

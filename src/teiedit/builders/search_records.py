"""What the search index holds of a document: its title, its header (summary, correspondents, source),
every block of its text and every note (anchored or not), each in the corrected reading with the
source's original reading beside it where they differ, and the HTML id on the page that the hit opens at.

The ids are the ones the stylesheets give (html/text.xsl te:id, html/notes.xsl te:note-id): an element's
own xml:id, else ``te-b<n>`` for a block (counted over the whole document), ``note-<n>`` for a footnote;
text that has no id of its own links to the nearest element around it that has one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teiedit.document import TEI_NS, XML_ID, is_teiedit_note, local_name, tei, xpath
from teiedit.facts import NoteFacts, normalize_space, note_facts, safe_id
from teiedit.summary import Summary

#: Blocks that get a te-b<n> id when they have no xml:id (html/text.xsl: the te:blocks accumulator).
NUMBERED_BLOCKS = ("p", "ab", "head", "item", "l", "dateline", "salute", "signed")
#: Elements whose text is one record (the innermost one owns the text).
RECORD_BLOCKS = frozenset(
    {*NUMBERED_BLOCKS, "cell", "figDesc", "byline", "trailer", "docAuthor", "docDate", "label"}
)
_HIDDEN_CORRECTED = {"sic": "corr", "orig": "reg", "abbr": "expan"}
_NOT_ORIGINAL = frozenset({"corr", "reg", "expan", "ex"})
#: Elements that make the corrected and the original reading differ (besides teiedit's notes).
_READINGS = tuple(tei(t) for t in ("sic", "orig", "abbr", "corr", "reg", "expan", "ex"))
#: Line, page and column breaks: a space between words unless the word runs on (break="no").
_BREAKS = frozenset({"lb", "pb", "cb"})
#: A step of the records' walk: an element to walk (element, owner, anchor, field, starts a block) ...
_Walk = tuple[etree._Element, etree._Element, str, str, bool]
#: ... or a text to append to a block's texts.
_Text = tuple[list[str], str]
_Step = _Walk | _Text
#: How deep the records' walk recurses before it goes on with a stack of its own.
_RECURSION = 200

#: Field codes: title, header, text, note.
TITLE, HEADER, TEXT, NOTE = "t", "h", "x", "n"


@dataclass(frozen=True)
class Block:
    """One record: where it opens (an id on the page, '' for the top), its field, its corrected reading
    and, when it differs, the source's original reading ('' otherwise)."""

    anchor: str
    field: str
    text: str
    original: str = ""


_TEI_PREFIX = f"{{{TEI_NS}}}"
#: Tag -> (local name, in the TEI namespace), met once per tag: the walk asks for every element.
_TAGS: dict[str, tuple[str, bool]] = {}


def _tag(tag: str) -> tuple[str, bool]:
    info = _TAGS.get(tag)
    if info is None:
        if len(_TAGS) > 4096:  # a file of made-up names does not grow it without end
            _TAGS.clear()
        info = _TAGS[tag] = (tag.rpartition("}")[2], tag.startswith(_TEI_PREFIX))
    return info


def _hidden(el: etree._Element, name: str, is_tei: bool, original: bool) -> bool:
    """Left out of the reading: the error a correction replaces (corrected), or the correction
    (original; teiedit's own notes too). ``name`` and ``is_tei``: the element's tag (see _tag)."""
    if not is_tei:
        return False
    if original:
        return name in _NOT_ORIGINAL or (name == "note" and is_teiedit_note(el))
    partner = _HIDDEN_CORRECTED.get(name)
    if not partner:
        return False
    parent = el.getparent()
    return bool(
        parent is not None
        and local_name(parent) == "choice"
        and parent.find(tei(partner)) is not None
    )


class _Records:
    """One walk over a document's texts collecting, per owner element, the text of each reading."""

    def __init__(self, root: etree._Element, *, originals: bool = True) -> None:
        self.numbers = {
            el: n for n, el in enumerate(root.iter(*(tei(t) for t in NUMBERED_BLOCKS)), start=1)
        }
        self.notes: dict[etree._Element, NoteFacts] = dict(
            zip(root.iter(tei("note")), note_facts(root), strict=True)
        )
        # Without corrections, expansions, regularisations or teiedit's notes both readings are the
        # same text: one walk gives both (most documents; the walk is most of a page's plain text).
        self.one_reading = next(root.iter(*_READINGS), None) is None and not any(
            is_teiedit_note(note) for note in self.notes
        )
        # Without ``originals`` only the corrected reading is walked (see reading_blocks).
        self.originals = originals
        self.order: list[etree._Element] = []
        self.anchors: dict[etree._Element, str] = {}
        self.fields: dict[etree._Element, str] = {}
        self.texts: dict[tuple[etree._Element, bool], list[str]] = {}

    def anchor_of(self, el: etree._Element, around: str) -> str:
        if el.get(XML_ID) and not (el.tag == tei("note") and self._footnote(el)):
            return safe_id(el.get(XML_ID, ""))
        if el.tag == tei("note"):
            facts = self.notes.get(el)
            if facts is not None and facts.kind == "footnote":
                return f"note-{facts.number}"
            return around
        if el in self.numbers:
            return f"te-b{self.numbers[el]}"
        return around

    def _footnote(self, note: etree._Element) -> bool:
        facts = self.notes.get(note)
        return facts is not None and facts.kind == "footnote"

    def owner(self, el: etree._Element, around: str, field: str) -> None:
        if el not in self.anchors:
            self.order.append(el)
            self.anchors[el] = self.anchor_of(el, around)
            self.fields[el] = field

    def walk(self, el: etree._Element, owner: etree._Element, around: str, field: str) -> None:
        """Collect both readings of ``el`` into ``owner`` (a block or note inside starts its own)."""
        for original in (False, True):
            self.texts.setdefault((owner, original), [])
        self._walk(el, owner, around, field, original=False)
        if not self.one_reading:
            if self.originals:
                self._walk(el, owner, around, field, original=True)
            return
        for (block, original), parts in list(self.texts.items()):
            if not original:
                self.texts[(block, True)] = parts

    def _walk(
        self,
        el: etree._Element,
        owner: etree._Element,
        around: str,
        field: str,
        *,
        original: bool,
        depth: int = 0,
    ) -> None:
        if depth > _RECURSION:
            # a document from elsewhere may nest 2,048 levels deep (io.py's limit), past Python's
            # recursion limit: deeper than this, the walk goes on with a stack of its own
            self._walk_deep(el, owner, around, field, original=original)
            return
        own = self.anchors.get(el) if el in self.anchors else None
        here = own or around
        texts = self.texts.setdefault((owner, original), [])
        if el.text:
            texts.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                name, is_tei = _tag(tag)
                if name in _BREAKS:
                    if child.get("break") != "no":
                        texts.append(" ")
                elif not _hidden(child, name, is_tei, original):
                    if is_tei and (name == "note" or name in RECORD_BLOCKS):
                        sub_field = NOTE if name == "note" else field
                        self.owner(child, here, sub_field)
                        self.texts.setdefault((child, original), [])
                        self._walk(
                            child,
                            child,
                            self.anchors[child] or here,
                            sub_field,
                            original=original,
                            depth=depth + 1,
                        )
                        texts.append(" ")
                    else:
                        inner = self.anchor_of(child, here) if child.get(XML_ID) else here
                        self._walk(child, owner, inner, field, original=original, depth=depth + 1)
            if child.tail:
                texts.append(child.tail)

    def _walk_deep(
        self, el: etree._Element, owner: etree._Element, around: str, field: str, *, original: bool
    ) -> None:
        """:meth:`_walk` with a stack instead of recursion. Each item is an element to walk (with its
        owner, anchor and field) or a piece of text to append; items are pushed in reverse reading order."""
        stack: list[_Step] = [(el, owner, around, field, False)]
        while stack:
            step = stack.pop()
            if len(step) == 2:
                step[0].append(step[1])
            else:
                self._enter(step, stack, original)

    def _enter(self, step: _Walk, stack: list[_Step], original: bool) -> None:
        el, owner, around, field, starts_block = step
        if starts_block:
            self.owner(el, around, field)
            self.texts.setdefault((el, original), [])
            owner, around = el, self.anchors[el] or around
        own = self.anchors.get(el) if el in self.anchors else None
        here = own or around
        texts = self.texts.setdefault((owner, original), [])
        if el.text:
            texts.append(el.text)
        later: list[_Step] = []
        for child in el:
            tag = child.tag
            if isinstance(tag, str):
                name, is_tei = _tag(tag)
                if name in _BREAKS:
                    if child.get("break") != "no":
                        later.append((texts, " "))
                elif not _hidden(child, name, is_tei, original):
                    if is_tei and (name == "note" or name in RECORD_BLOCKS):
                        sub_field = NOTE if name == "note" else field
                        later.append((child, child, here, sub_field, True))
                        later.append((texts, " "))
                    else:
                        inner = self.anchor_of(child, here) if child.get(XML_ID) else here
                        later.append((child, owner, inner, field, False))
            if child.tail:
                later.append((texts, child.tail))
        stack.extend(reversed(later))

    def blocks(self) -> list[Block]:
        out = []
        for el in self.order:
            text = normalize_space("".join(self.texts.get((el, False), [])))
            orig = (
                text
                if self.one_reading
                else normalize_space("".join(self.texts.get((el, True), [])))
            )
            if text or orig:
                out.append(
                    Block(self.anchors[el], self.fields[el], text, orig if orig != text else "")
                )
        return out

    def corrected_blocks(self) -> list[Block] | None:
        """The blocks of a walk without ``originals``: their corrected reading only (``original`` '').
        None when a block's corrected reading is empty but its original one may not be (it holds a
        reading or a note of teiedit's): whether it is a block then needs the other walk."""
        out = []
        for el in self.order:
            text = normalize_space("".join(self.texts.get((el, False), [])))
            if text:
                out.append(Block(self.anchors[el], self.fields[el], text))
            elif not self.one_reading and _may_differ(el):
                return None
        return out


def _may_differ(owner: etree._Element) -> bool:
    """Whether the two readings of an owner's own text may differ: it holds a reading or a note of
    teiedit's outside the blocks and notes inside it (records of their own)."""
    stack = [owner]
    while stack:
        for child in stack.pop():
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in _READINGS or (tag == _NOTE and is_teiedit_note(child)):
                return True
            if tag not in _OWNERS:
                stack.append(child)
    return False


#: Elements that start a record of their own (the walk's owners).
_OWNERS = frozenset(tei(t) for t in (*RECORD_BLOCKS, "note"))
_NOTE = tei("note")


def _owners_in_alternates(root: etree._Element) -> bool:
    """Whether a block or note stands inside a source reading (sic, orig, abbr): the corrected reading
    leaves it out, and only the walk of the original reading would find it."""
    return any(
        len(el) and next(el.iter(*_OWNERS), None) is not None  # (most hold text alone)
        for el in root.iter(tei("sic"), tei("orig"), tei("abbr"))
    )


def _text_roots(root: etree._Element) -> list[etree._Element]:
    texts = xpath(root, "descendant::tei:text[not(ancestor::tei:text)]")
    return texts or xpath(root, "tei:sourceDoc | tei:standOff")


def _head_blocks(root: etree._Element, summary: Summary) -> list[Block]:
    """The title and header records of a document."""
    out = [Block("", TITLE, summary.title)]
    header = [
        summary.kind,
        *(p.name for p in (*summary.senders, *summary.addressees)),
        summary.source,
    ]
    for expr in (
        "tei:teiHeader/tei:profileDesc/tei:abstract",
        "tei:teiHeader/tei:fileDesc/tei:notesStmt/tei:note",
    ):
        header += [normalize_space("".join(el.itertext())) for el in xpath(root, expr)]
    text = normalize_space(" ".join(h for h in header if h))
    if text:
        out.append(Block("metadata-heading", HEADER, text))
    return out


def _walked(root: etree._Element, *, originals: bool = True) -> _Records:
    records = _Records(root, originals=originals)
    for text_root in _text_roots(root):
        records.owner(text_root, "", TEXT)
        records.walk(text_root, text_root, records.anchors[text_root], TEXT)
    return records


def document_blocks(root: etree._Element, summary: Summary) -> list[Block]:
    """The records of one document: title, header, then its texts in reading order."""
    return _head_blocks(root, summary) + _walked(root).blocks()


def reading_blocks(root: etree._Element, summary: Summary) -> list[Block]:
    """:func:`document_blocks` as a reader reads them (what a page's plain text needs): the same blocks,
    with the corrected reading; ``original`` is left '' where one walk of the text told which blocks
    there are (most documents: the walk of the original reading was half of the work)."""
    if not _owners_in_alternates(root):
        blocks = _walked(root, originals=False).corrected_blocks()
        if blocks is not None:
            return _head_blocks(root, summary) + blocks
    return document_blocks(root, summary)

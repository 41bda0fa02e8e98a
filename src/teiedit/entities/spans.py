"""The running text of a TEI element across inline markup, and the tree positions of its offsets.

Names and dates are found in plain strings, but they live in a tree: ``S<supplied>o</supplied> Hwi``,
``Kim Il<lb/>Sung``, ``<hi>Bulganin</hi>``. ``FlatText`` gives the text of one *container* (a ``p``,
``head``, ``item``, ...) with inline elements read through, and maps string offsets back to tree
positions; ``teiedit.entities.wrap`` puts a span into a new element when it nests cleanly.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import TEI_NS

#: Inline elements whose text is part of the running text of their container.
TRANSPARENT = frozenset(
    {
        "hi",
        "supplied",
        "unclear",
        "add",
        "del",
        "sic",
        "corr",
        "orig",
        "reg",
        "abbr",
        "expan",
        "emph",
        "foreign",
        "seg",
        "title",
        "q",
        "quote",
        "mentioned",
        "term",
        "ref",
        "damage",
        "said",
        "soCalled",
        "distinct",
        "gloss",
        "measure",
        "c",
        "w",
        "pc",
        "restore",
        "secl",
        "surplus",
    }
)
#: Empty elements read as a space (or as nothing with ``@break="no"``).
MILESTONES = frozenset({"lb", "pb", "cb", "milestone", "anchor"})
#: Elements never looked into: existing entity markup, identifiers, gaps.
OPAQUE = frozenset(
    {
        "persName",
        "placeName",
        "orgName",
        "name",
        "rs",
        "date",
        "time",
        "idno",
        "ptr",
        "gap",
        "fw",
        "teiHeader",
        "num",
        "geogName",
        "roleName",
        "forename",
        "surname",
        "addName",
        "genName",
    }
)
_INLINE_WITH_TEXT = TRANSPARENT | {"choice"}
#: Stands for an element that interrupts the running text (a note, a list, existing markup).
BARRIER = "\x00"


@dataclass(
    slots=True
)  # one per text run of every container, made again by every pass that reads them
class _Segment:
    start: int
    length: int
    node: etree._Element
    is_tail: bool = False  # text segment: node.text (False) or node.tail (True)
    atom: bool = False  # an element read as a whole (choice, lb, barrier)


@dataclass
class Position:
    """A point in the tree: in ``parent``, in the text run before child ``index``, at ``offset``."""

    parent: etree._Element
    index: int
    offset: int


def run_at(parent: etree._Element, index: int) -> str:
    """The text run of ``parent`` before child ``index`` (its text, or the tail of the child before)."""
    if index == 0:
        return parent.text or ""
    return parent[index - 1].tail or ""


def set_run_at(parent: etree._Element, index: int, text: str) -> None:
    """Replace the text run of ``parent`` before child ``index``."""
    if index == 0:
        parent.text = text or None
    else:
        parent[index - 1].tail = text or None


_TEI_PREFIX = "{" + TEI_NS + "}"
_TEI_PREFIX_LEN = len(_TEI_PREFIX)


def tei_local(el: etree._Element) -> str:
    """Local name for TEI elements; elements of other namespaces, comments and PIs count as unknown ("")."""
    tag = el.tag
    if isinstance(tag, str) and tag.startswith(_TEI_PREFIX):
        return tag[len(_TEI_PREFIX) :]
    return ""


_READINGS = tuple(
    frozenset(_TEI_PREFIX + name for name in names)
    for names in (("corr", "reg", "expan"), ("sic", "orig", "abbr"))
)


def choice_reading(choice: etree._Element) -> str:
    """The reading of a ``choice`` used for matching: the correction/regularisation, else the original."""
    for (
        wanted
    ) in _READINGS:  # full tag names: no local name computed per child (a long text has many)
        for child in choice:
            if child.tag in wanted:
                # most are a repair's corr, text only: its text is all itertext would give
                return "".join(child.itertext()) if len(child) else child.text or ""
    return "".join(choice.itertext())


@dataclass
class FlatText:
    """The running text of one container element, with the map back into the tree."""

    container: etree._Element
    text: str = ""
    segments: list[_Segment] = field(default_factory=list)
    nested: list[etree._Element] = field(
        default_factory=list
    )  # barrier elements with text of their own
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, container: etree._Element) -> FlatText:
        flat = cls(container)
        parts: list[str] = []
        segments, nested = flat.segments, flat.nested
        # Runs for every node of every container, in two passes: names looked up once, no call per run.
        add_part, add_segment, segment = parts.append, segments.append, _Segment
        pos = 0

        def walk(el: etree._Element) -> None:
            nonlocal pos
            text = el.text
            if text:
                add_segment(segment(pos, len(text), el))
                add_part(text)
                pos += len(text)
            for child in el:
                tag = child.tag
                if isinstance(tag, str):
                    name = tag[_TEI_PREFIX_LEN:] if tag.startswith(_TEI_PREFIX) else ""
                    if name in TRANSPARENT:
                        walk(child)
                    else:
                        if name in MILESTONES:
                            atom = "" if child.get("break") == "no" else " "
                        elif name == "choice":
                            if len(child) == 2 and child[0].tag == _SIC and child[1].tag == _CORR:
                                # a repair's sic and corr (most choices): no gloss, the corr's reading
                                corr = child[1]
                                atom = "".join(corr.itertext()) if len(corr) else corr.text or ""
                            elif _is_gloss(child):
                                # Pak Heon-yeong [Pak Hon Yong]: each form is text of its own seg
                                walk(child)
                                atom = None
                            else:
                                atom = choice_reading(child)
                        else:
                            atom = BARRIER
                            if name not in OPAQUE:
                                nested.append(child)
                        if atom is not None:
                            add_segment(segment(pos, len(atom), child, False, True))
                            add_part(atom)
                            pos += len(atom)
                tail = child.tail
                if tail:
                    add_segment(segment(pos, len(tail), child, True))
                    add_part(tail)
                    pos += len(tail)

        walk(container)
        flat.text = "".join(parts)
        flat._starts = [s.start for s in segments]
        return flat

    def reading(self) -> str:
        """The text for people: marked names and dates read through, notes and lists as a space."""
        parts: list[str] = []
        for seg in self.segments:
            if seg.atom and seg.length and self.text[seg.start] == BARRIER:
                inner = tei_local(seg.node) in OPAQUE
                parts.append(" ".join("".join(seg.node.itertext()).split()) if inner else " ")
            else:
                parts.append(self.text[seg.start : seg.start + seg.length])
        return "".join(parts)

    # -- offsets to positions ---------------------------------------------------------------------------

    def _segment_at(self, char: int) -> _Segment | None:
        i = bisect.bisect_right(self._starts, char) - 1
        while i >= 0:
            seg = self.segments[i]
            if seg.start <= char < seg.start + seg.length:
                return seg
            if seg.start + seg.length <= char:
                return None
            i -= 1
        return None

    def start_position(self, char: int) -> Position | None:
        """The tree position just before character ``char``; None inside an element read as a whole."""
        seg = self._segment_at(char)
        if seg is None:
            return None
        if seg.atom:
            if char != seg.start and _has_word(self.text[seg.start : char]):
                return None  # inside an element read as a whole (only leading spaces or punctuation may go)
            parent = seg.node.getparent()
            idx = parent.index(seg.node)
            return Position(parent, idx, len(run_at(parent, idx)))
        return _text_position(seg, char - seg.start)

    def end_position(self, char: int) -> Position | None:
        """The tree position just after character ``char - 1`` (``char`` is an exclusive end)."""
        seg = self._segment_at(char - 1)
        if seg is None:
            return None
        if seg.atom:
            if char != seg.start + seg.length and _has_word(
                self.text[char : seg.start + seg.length]
            ):
                return None  # a repaired word "Sangjo, " may end a name with its comma
            parent = seg.node.getparent()
            return Position(parent, parent.index(seg.node) + 1, 0)
        return _text_position(seg, char - seg.start)


def inner_span(flat: FlatText, start: int, end: int) -> tuple[Position, Position] | None:
    """A span inside the correction of one ``choice`` (``<corr>held in Moscow with</corr>``), if it is one.

    The span must lie in one run of the correction's text: it then marks the corrected reading only, and the
    original reading (``sic``) is left as it is.
    """
    seg = flat._segment_at(start)
    if (
        seg is None
        or not seg.atom
        or seg is not flat._segment_at(end - 1)
        or tei_local(seg.node) != "choice"
    ):
        return None
    a, b = start - seg.start, end - seg.start
    for child in seg.node:
        if tei_local(child) not in ("corr", "reg", "expan"):
            continue
        if "".join(child.itertext()) != flat.text[seg.start : seg.start + seg.length]:
            return None
        at = 0  # the text runs of the correction (its text and its children's tails), with their offsets
        for index in range(len(child) + 1):
            if index:
                at += len("".join(child[index - 1].itertext()))
            run = run_at(child, index)
            if at <= a and b <= at + len(run):
                return Position(child, index, a - at), Position(child, index, b - at)
            at += len(run)
        return None
    return None


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _text_position(seg: _Segment, offset: int) -> Position:
    if seg.is_tail:
        parent = seg.node.getparent()
        return Position(parent, parent.index(seg.node) + 1, offset)
    return Position(seg.node, 0, offset)


def _is_gloss(choice: etree._Element) -> bool:
    """A ``choice`` of ``seg`` alternatives (a name and its romanisation gloss), read as running text."""
    found = False
    for child in choice:  # most are a repair's sic and corr: the first element child decides
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag != _SEG:
            return False
        found = True
    return found


_SEG = _TEI_PREFIX + "seg"
_SIC = _TEI_PREFIX + "sic"
_CORR = _TEI_PREFIX + "corr"


def containers(
    root: etree._Element, known: dict[etree._Element, FlatText] | None = None
) -> Iterator[FlatText]:
    """Every container with running text under ``root``, in document order, as FlatText.

    A container is an element with text of its own (not only white space) that is not itself inline;
    elements that interrupt a container's text (notes, lists) are visited as containers of their own.
    ``known``: containers whose FlatText was made before and still holds (nothing under them changed).
    """
    stack = [root]
    while stack:
        el = stack.pop()
        name = tei_local(el)
        if not isinstance(el.tag, str) or name in OPAQUE:
            continue
        if _has_own_text(el):
            flat = (known.get(el) if known else None) or FlatText.of(el)
            yield flat
            stack.extend(reversed(flat.nested))
        else:
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))


def _has_own_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    for child in el:
        if child.tail and child.tail.strip():
            return True
        if isinstance(child.tag, str) and tei_local(child) in _INLINE_WITH_TEXT:
            return True
        # a dateline that holds only its date: the date is part of this container's running text
        if (
            isinstance(child.tag, str)
            and tei_local(child) in OPAQUE
            and "".join(child.itertext()).strip()
        ):
            return True
    return False

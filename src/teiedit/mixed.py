"""Mixed content as one string: flatten an element's own text, cut it into pieces, rebuild the element.

Passes that look for patterns running across an element's text (square brackets, quotation marks) read
the element's text and its children's tails as one string in which each child stands as one placeholder
character; what they find is given back as (start, end, new nodes) and the element is rebuilt from the
pieces in between, the children kept as they were. Whitespace is data here: nothing is stripped.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from lxml import etree

from teiedit.document import append_text

#: The placeholder tried first; a text that contains it gets the next free character instead.
PLACEHOLDER = "\ue000"

#: One item of mixed content: a string (text or a tail) or an element.
Piece: TypeAlias = str | etree._Element


@dataclass
class Flat:
    """An element's own text nodes as one string; each child element stands as one placeholder char."""

    text: str
    placeholder: str
    children: dict[int, etree._Element]
    positions: list[int] = field(default_factory=list)  # sorted placeholder offsets

    def pieces(self, start: int, end: int) -> list[Piece]:
        """The content of [start, end) as strings and the original child elements, in order."""
        out: list[Piece] = []
        pos = start
        i = bisect.bisect_left(self.positions, start)
        while i < len(self.positions) and self.positions[i] < end:
            at = self.positions[i]
            if at > pos:
                out.append(self.text[pos:at])
            out.append(self.children[at])
            pos = at + 1
            i += 1
        if end > pos:
            out.append(self.text[pos:end])
        return out

    def node_start(self, pos: int) -> int:
        """Start of the text node containing ``pos`` (just after the previous placeholder)."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i - 1] + 1 if i else 0

    def node_end(self, pos: int) -> int:
        """End of the text node containing ``pos`` (the next placeholder, or the end)."""
        i = bisect.bisect_left(self.positions, pos)
        return self.positions[i] if i < len(self.positions) else len(self.text)

    def children_between(self, start: int, end: int) -> list[etree._Element]:
        """The child elements whose placeholders lie in [start, end)."""
        lo = bisect.bisect_left(self.positions, start)
        hi = bisect.bisect_left(self.positions, end)
        return [self.children[p] for p in self.positions[lo:hi]]

    def has_child(self, start: int, end: int) -> bool:
        """True when a child element lies in [start, end)."""
        i = bisect.bisect_left(self.positions, start)
        return i < len(self.positions) and self.positions[i] < end


def flatten(el: etree._Element, placeholder: str = PLACEHOLDER) -> Flat:
    """``el``'s text and its children's tails as one string, each child as ``placeholder`` (or, when the
    text holds that character, the next one it does not hold)."""
    own = (el.text or "") + "".join(c.tail or "" for c in el)
    while placeholder in own:
        placeholder = chr(ord(placeholder) + 1)
    parts = [el.text or ""]
    children: dict[int, etree._Element] = {}
    pos = len(parts[0])
    for child in el:
        children[pos] = child
        parts.append(placeholder)
        parts.append(child.tail or "")
        pos += 1 + len(child.tail or "")
    return Flat("".join(parts), placeholder, children, sorted(children))


def content(el: etree._Element) -> list[Piece]:
    """``el``'s content as strings and its child elements, in order."""
    flat = flatten(el)
    return flat.pieces(0, len(flat.text))


def fill(el: etree._Element, pieces: Sequence[Piece]) -> None:
    """Append strings and elements to ``el`` as mixed content (strings go to its text or a tail)."""
    last: etree._Element | None = el[-1] if len(el) else None
    for item in pieces:
        if isinstance(item, str):
            append_text(el, last, item)
        else:
            el.append(item)
            item.tail = None
            last = item


def rebuild(
    el: etree._Element, flat: Flat, replacements: Iterable[tuple[int, int, Sequence[Piece]]]
) -> None:
    """Replace ``el``'s content by ``flat`` with each (start, end) span swapped for its new pieces.

    The spans must not overlap; the children outside them come back unchanged, with their tails.
    """
    pieces: list[Piece] = []
    pos = 0
    for start, end, new in sorted(replacements, key=lambda r: r[0]):
        pieces.extend(flat.pieces(pos, start))
        pieces.extend(new)
        pos = end
    pieces.extend(flat.pieces(pos, len(flat.text)))
    for child in list(el):
        el.remove(child)
    el.text = None
    fill(el, pieces)

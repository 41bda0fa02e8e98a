"""The three-way merge of one element: attributes key by key, content hunk by hunk, recursively.

Where only one side changed something, that side's version is taken; where both changed the same place
differently, the preferred side (the editor's, unless told otherwise) is taken and a conflict recorded.
A subtree the editor did not touch is taken whole from the fresh conversion, and one the conversion did
not change is taken whole from the editor.
"""

from __future__ import annotations

from collections import Counter
from copy import deepcopy
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from teiedit.document import TEI_NS
from teiedit.merge.align import Hunk, diff3, same
from teiedit.merge.tokens import Digests, Token, content_tokens, only_space, reading, show
from teiedit.serialize import ELEMENT_ONLY

Side = Literal["mine", "fresh"]
#: Above this many token pairs, an element changed on both sides is not merged word by word (it would
#: take too long): the preferred side is taken whole and the conflict recorded.
_MAX_TOKENS = 4_000_000


@dataclass
class Conflict:
    """Both sides changed one place: ``anchor`` is the merged element nearest to it."""

    anchor: etree._Element
    mine: str
    fresh: str
    what: str = "text"


class Merger:
    """Merges (base, mine, fresh) triples of elements into new elements, gathering conflicts."""

    def __init__(self, prefer: Side = "mine") -> None:
        self.prefer: Side = prefer
        self.digests = Digests()
        self.conflicts: list[Conflict] = []

    def merge_root(self, b: etree._Element, m: etree._Element, f: etree._Element) -> etree._Element:
        """A new root element: the merge of three versions of the document element."""
        d = self.digests
        if d.of(m) == d.of(b):
            return deepcopy(f)
        if d.of(f) == d.of(b) or d.of(m) == d.of(f):
            return deepcopy(m)
        if not b.tag == m.tag == f.tag:
            taken = m if self.prefer == "mine" else f
            new = deepcopy(taken)
            self.conflicts.append(Conflict(new, f"<{m.tag}>", f"<{f.tag}>", "root element"))
            return new
        new = etree.Element(m.tag, nsmap=m.nsmap)
        self._fill(new, b, m, f)
        return new

    def _append(self, parent: etree._Element, node: etree._Element) -> etree._Element:
        copy = deepcopy(node)
        copy.tail = None
        parent.append(copy)
        return copy

    def _merge_into(
        self, parent: etree._Element, b: etree._Element, m: etree._Element, f: etree._Element
    ) -> None:
        d = self.digests
        if d.of(m) == d.of(b):
            self._append(parent, f)
        elif d.of(f) == d.of(b) or d.of(m) == d.of(f):
            self._append(parent, m)
        elif not isinstance(m.tag, str) or m.tag != f.tag or m.tag != b.tag:
            taken = self._append(parent, m if self.prefer == "mine" else f)
            self.conflicts.append(Conflict(taken, show(m), show(f), "node"))
        else:
            extra = {k: v for k, v in m.nsmap.items() if parent.nsmap.get(k) != v}
            new = etree.SubElement(parent, m.tag, nsmap=extra or None)
            self._fill(new, b, m, f)

    def _fill(
        self, new: etree._Element, b: etree._Element, m: etree._Element, f: etree._Element
    ) -> None:
        self._attributes(new, b, m, f)
        q = etree.QName(m)
        drop = (
            q.namespace == TEI_NS
            and q.localname in ELEMENT_ONLY
            and only_space(b)
            and only_space(m)
            and only_space(f)
        )
        tb, tm, tf = (content_tokens(x, self.digests, drop_space=drop) for x in (b, m, f))
        if len(tb) * max(len(tm), len(tf), 1) > _MAX_TOKENS:
            self._emit_all(new, tm if self.prefer == "mine" else tf)
            self.conflicts.append(Conflict(new, reading(tm), reading(tf), "content"))
            return
        hunks = diff3(tb, tm, tf)
        for i, hunk in enumerate(hunks):
            if hunk.stable:
                self._stable(new, hunk)
            else:
                self._chunk(new, hunk, _context(hunks, i))
        if drop:
            _lay_out(new, next((x for x in (m, f, b) if len(x)), m))

    def _attributes(
        self, new: etree._Element, b: etree._Element, m: etree._Element, f: etree._Element
    ) -> None:
        keys = list(m.attrib) + [k for k in f.attrib if k not in m.attrib]
        keys += [k for k in b.attrib if k not in keys]
        for key in keys:
            vb, vm, vf = b.get(key), m.get(key), f.get(key)
            if vm == vb:
                value = vf
            elif vf == vb or vm == vf:
                value = vm
            else:
                value = vm if self.prefer == "mine" else vf
                name = etree.QName(key).localname
                self.conflicts.append(
                    Conflict(new, _attr(name, vm), _attr(name, vf), f"attribute @{name}")
                )
            if value is not None:
                new.set(key, value)

    def _stable(self, new: etree._Element, hunk: Hunk) -> None:
        (bt,), (mt,), (ft,) = hunk.base, hunk.mine, hunk.fresh
        if bt.node is None or mt.node is None or ft.node is None:
            self._emit_text(new, ft.text if mt.text == bt.text else mt.text)
        else:
            self._merge_into(new, bt.node, mt.node, ft.node)

    def _chunk(self, new: etree._Element, hunk: Hunk, context: tuple[str, str]) -> None:
        if same(hunk.base, hunk.mine):
            self._emit_all(new, hunk.fresh)
        elif same(hunk.base, hunk.fresh) or same(hunk.mine, hunk.fresh):
            self._emit_all(new, hunk.mine)
        else:
            taken = hunk.mine if self.prefer == "mine" else hunk.fresh
            before = len(new)
            self._emit_all(new, taken)
            anchor = new[before] if len(new) > before else new
            before_text, after_text = context
            self.conflicts.append(
                Conflict(
                    anchor,
                    f"{before_text}{reading(hunk.mine, strip=False)}{after_text}".strip(),
                    f"{before_text}{reading(hunk.fresh, strip=False)}{after_text}".strip(),
                )
            )

    def _emit_all(self, new: etree._Element, tokens: list[Token]) -> None:
        for tok in tokens:
            if tok.node is None:
                self._emit_text(new, tok.text)
            else:
                self._append(new, tok.node)

    @staticmethod
    def _emit_text(new: etree._Element, text: str) -> None:
        if len(new):
            new[-1].tail = (new[-1].tail or "") + text
        else:
            new.text = (new.text or "") + text


def _lay_out(new: etree._Element, model: etree._Element) -> None:
    """White space between the children of element-only content, as in ``model`` (the editor's file
    when it has children there): the merge keeps the file's own layout."""
    if not len(new):
        return
    tails = [c.tail for c in model]
    between = Counter(tails[:-1]).most_common(1)[0][0] if len(tails) > 1 else model.text
    new.text = model.text
    for child in new[:-1]:
        child.tail = between
    new[-1].tail = tails[-1] if tails else None


def _context(hunks: list[Hunk], i: int, words: int = 4) -> tuple[str, str]:
    """A few words of the stable text on either side of hunk ``i``, to make a conflict readable."""
    before: list[Token] = []
    for h in reversed(hunks[:i]):
        if not h.stable or len(before) >= 2 * words:
            break
        before[:0] = h.mine
    after: list[Token] = []
    for h in hunks[i + 1 :]:
        if not h.stable or len(after) >= 2 * words:
            break
        after.extend(h.mine)
    return reading(before[-2 * words :], 80, strip=False), reading(
        after[: 2 * words], 80, strip=False
    )


def _attr(name: str, value: str | None) -> str:
    return "(no attribute)" if value is None else f'@{name}="{value}"'

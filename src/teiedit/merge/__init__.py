"""Three-way merge of XML documents: the editor's hand corrections with a fresh conversion.

``merge_documents(base, mine, fresh)`` takes the bytes teiedit last wrote (the base), the editor's file
and the fresh conversion. Elements are matched by ``xml:id`` and by their text, content is merged word
by word (see :mod:`teiedit.merge.tree`), so hand corrections stay while new links, repairs and dates
arrive. Where both sides changed the same place, the editor's reading wins (``prefer="fresh"`` takes the
conversion's) and a conflict is listed with its line in the merged file and both readings.

With no hand edit (``mine == base``) the result is exactly ``fresh``; with nothing new from the
conversion (``fresh == base``) it is exactly ``mine``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from teiedit.diagnostics import TeieditError
from teiedit.io import parse_xml_bytes
from teiedit.merge.tokens import XML_ID
from teiedit.merge.tree import Conflict, Merger, Side

__all__ = ["MergeConflict", "MergeOutcome", "MergeRefused", "Side", "merge_documents"]


@dataclass(frozen=True)
class MergeConflict:
    """A place both sides changed: its line in the merged file, what it is, and both readings."""

    line: int
    where: str
    what: str
    mine: str
    fresh: str

    def to_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "where": self.where,
            "what": self.what,
            "mine": self.mine,
            "fresh": self.fresh,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> MergeConflict:
        line = data.get("line", 0)
        return cls(
            line=line if isinstance(line, int) else 0,
            where=str(data.get("where", "")),
            what=str(data.get("what", "")),
            mine=str(data.get("mine", "")),
            fresh=str(data.get("fresh", "")),
        )


@dataclass
class MergeOutcome:
    data: bytes
    conflicts: list[MergeConflict]


class MergeRefused(Exception):
    """The versions cannot be merged into one well-formed document (the reason says why)."""


def merge_documents(
    base: bytes, mine: bytes, fresh: bytes, *, prefer: Side = "mine", path: str = ""
) -> MergeOutcome:
    """Merge the editor's ``mine`` and the conversion's ``fresh``, both descended from ``base``."""
    if mine in (base, fresh):
        return MergeOutcome(fresh, [])
    if fresh == base:
        return MergeOutcome(mine, [])
    try:
        tb, tm, tf = (parse_xml_bytes(x, path) for x in (base, mine, fresh))
    except TeieditError as exc:
        raise MergeRefused(exc.diagnostic.message) from None
    merger = Merger(prefer)
    root = merger.merge_root(tb.getroot(), tm.getroot(), tf.getroot())
    _refuse_repeated_ids(root)
    tree = etree.ElementTree(root)
    paths = [
        (c, tree.getpath(c.anchor) if _inside(c.anchor, root) else "/*") for c in merger.conflicts
    ]
    data = _serialize(tm.getroot(), root)
    reread = parse_xml_bytes(data, path).getroot()
    conflicts = []
    for conflict, xpath in paths:
        found = reread.getroottree().xpath(xpath)
        node = found[0] if isinstance(found, list) and found else reread
        line = node.sourceline if isinstance(node, etree._Element) and node.sourceline else 0
        conflicts.append(
            MergeConflict(
                line=line,
                where=_readable_path(conflict),
                what=conflict.what,
                mine=conflict.mine,
                fresh=conflict.fresh,
            )
        )
    return MergeOutcome(data, conflicts)


def _inside(node: etree._Element, root: etree._Element) -> bool:
    return node is root or any(a is root for a in node.iterancestors())


def _refuse_repeated_ids(root: etree._Element) -> None:
    ids = Counter(
        el.get(XML_ID) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)
    )
    repeated = sorted(str(i) for i, n in ids.items() if n > 1)
    if repeated:
        raise MergeRefused(
            f"the merged file would use xml:id {repeated[0]!r} for two elements "
            "(your file and the fresh conversion each gave it to a different one)"
        )


def _serialize(mine_root: etree._Element, root: etree._Element) -> bytes:
    """The merged root with the editor's prolog (comments and processing instructions before it)."""
    head = [b'<?xml version="1.0" encoding="UTF-8"?>']
    node = mine_root.getprevious()
    prolog = []
    while node is not None:
        prolog.append(etree.tostring(node, encoding="UTF-8").strip())
        node = node.getprevious()
    head.extend(reversed(prolog))
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b"\n".join(head) + b"\n" + body + b"\n"


def _readable_path(conflict: Conflict) -> str:
    node = conflict.anchor
    steps = []
    while node is not None:
        if isinstance(node.tag, str):
            name = etree.QName(node).localname
            same = [s for s in node.itersiblings(preceding=True) if s.tag == node.tag]
            ident = node.get(XML_ID)
            steps.append(f"{name}[@xml:id='{ident}']" if ident else f"{name}[{len(same) + 1}]")
        node = node.getparent()
    return "/" + "/".join(reversed(steps))

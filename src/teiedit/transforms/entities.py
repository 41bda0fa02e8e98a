"""TagEntities: mark mentions of register entries as persName/placeName/orgName with @ref and @resp.

Names come from the edition's registers (``paths.registers``); without registers the pass does nothing.
A mention is linked when its form belongs to exactly one entry. A short form (a bare surname such as
``Kim``, ``Li``, ``Choe``) or a form shared by several entries is linked only when the context settles
it: when no other given name or initial stands next to it (``Kim Tu-bong``, ``Suzy Kim``), and, if
several register entries bear that family name, to the one of them mentioned most recently in the same
document (not further back than ``WINDOW`` characters; ``@cert="medium"`` when that entry does not list
the short form), else to one the document names ``DOMINANCE`` times more often than the others
(``@cert="medium"``). Otherwise it stays untagged and is recorded with its reason and candidates.
Place names are skipped where they act as adjectives (``anti-Japan``, the "Yan'an" faction) or are part
of a longer name (``Warsaw Pact``, ``George Washington``); in citations (notes, ``bibl``, text shaped like
a reference) a place or person next to other capitalised words is part of a title or publisher's name.
Generic references (``the Party``, ``the CC``, ``the Embassy``) become ``orgName`` with ``@cert`` when the
document makes the referent certain (``teiedit.entities.generic``); otherwise they are recorded.

Spans cover the name only (titles and possessive endings stay outside), take in editorial brackets and
``supplied`` letters, and run across ``lb``, ``hi`` and repaired words (``choice``); a name inside a
longer correction is marked inside the ``corr``. Markup an editor made (entity elements without
``@resp="#teiedit"``) is never changed and never looked into; teiedit's own earlier links are removed and
made afresh, so that a changed register gives fresh links. In the header only ``correspDesc`` names are
touched: they get ``@ref`` when they hold exactly one full form of an entry of their kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache, partial

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument, tei, text_of, text_roots, xpath
from teiedit.entities.context import in_citation, part_of_longer_name
from teiedit.entities.decide import (
    DOMINANCE,
    WINDOW,
    Decision,
    Memory,
    decide,
    extend_brackets,
    in_compound,
    names_a_group,
)
from teiedit.entities.generic import Referents, find_generic, org_kinds
from teiedit.entities.matcher import Hit, Matcher, matcher_for
from teiedit.entities.spans import FlatText, containers, inner_span
from teiedit.entities.wrap import clean_span, unwrap, wrap
from teiedit.registers import Registers, load_registers
from teiedit.transforms import PassContext, register

__all__ = ["DOMINANCE", "RESP", "WINDOW", "TagEntities"]

RESP = "#teiedit"
_HYPHENS = frozenset("-\u2010\u2011")
ENTITY_ELEMENTS = ("persName", "placeName", "orgName")


@dataclass(frozen=True)
class _Link:
    """A span of a container's text to mark: element, entry, certainty."""

    start: int
    end: int
    text: str
    kind: str
    entry_id: str
    cert: str = ""


class _Scan:
    """One text's containers with their register hits, and what the document names where."""

    def __init__(self, text_el: etree._Element, matcher: Matcher, ctx: PassContext, doc: str):
        self.found: list[tuple[FlatText, list[Hit], int]] = []
        self.plain: Counter[str] = Counter()
        offset = 0
        for flat in list(containers(text_el)):
            raw = flat.text
            found = matcher.find(raw)
            # whether the text is shaped like a citation: asked once, and only of a container where a name
            # is followed by a capitalised word (``part_of_longer_name``)
            citation = cache(partial(in_citation, flat.container, raw))
            hits: list[Hit] = []
            for h in found:
                if (h.start > 1 and raw[h.start - 1] in _HYPHENS and in_compound(raw, h)) or (
                    names_a_group(raw, h)
                ):
                    continue
                kind = h.targets[0].kind
                longer = (
                    part_of_longer_name(raw, h.start, h.end, kind, citation)
                    if all(t.kind == kind for t in h.targets) and kind != "orgName"
                    else ""
                )
                if longer:
                    ctx.record(
                        TagEntities.name,
                        {
                            "document": doc,
                            "text": h.text,
                            "reason": "part of a longer name",
                            "next to": longer,
                            "candidates": sorted({t.entry_id for t in h.targets}),
                        },
                    )
                    continue
                hits.append(h)
            self.plain.update(
                h.targets[0].entry_id
                for h in hits
                if len(h.targets) == 1 and not h.targets[0].short
            )
            self.found.append((flat, hits, offset))
            offset += len(raw) + 1


@register
class TagEntities:
    name = "entities"

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("entities", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        regs = load_registers(ctx.settings)
        regs.check_unique()
        if not regs.matchable:
            return []
        matcher = matcher_for(regs)
        counts: Counter[str] = Counter()
        headers = list(doc.root.iter(tei("teiHeader")))  # a walk of the whole tree: made once
        self._link_correspondents(doc, regs, headers)
        header = [(-1, r) for r in _header_refs(doc, headers)]
        unchanged: dict[etree._Element, FlatText] = ctx.handover.setdefault(FLAT_TEXTS, {})
        for text_el in text_roots(doc.root):
            for old in list(text_el.iter(*(tei(n) for n in ENTITY_ELEMENTS))):
                if old.get("resp") == RESP and old.get("ref"):
                    unwrap(old)
            # First every hit of the document, so that ambiguous short forms can be weighed against the
            # document's unambiguous mentions; then the links, container by container.
            scan = _Scan(text_el, matcher, ctx, doc.name)
            memory = Memory()
            plans: list[tuple[FlatText, list[_Link], int]] = []
            named: list[tuple[int, str]] = list(header)
            for flat, hits, offset in scan.found:
                links: list[_Link] = []
                for hit in hits:
                    here = offset + hit.start
                    d = decide(hit, flat.text, regs, memory, scan.plain, here, offset)
                    if d.entry_id is None or d.reason:
                        self._report(ctx, doc.name, hit.text, d)
                    if d.entry_id is None:
                        continue
                    memory.last[d.entry_id] = here
                    named.append((here, d.entry_id))
                    links.append(_Link(hit.start, hit.end, hit.text, d.kind, d.entry_id, d.cert))
                plans.append((flat, links, offset))
            referents = Referents(named, _kinds(regs))
            for flat, links, offset in plans:
                links += self._generic(ctx, doc.name, flat, links, offset, referents)
                wrapped = False
                for link in sorted(links, key=lambda k: -k.start):
                    if self._wrap(flat, link):
                        counts[link.kind] += 1
                        wrapped = True
                    else:
                        ctx.record(
                            self.name,
                            {
                                "document": doc.name,
                                "text": link.text,
                                "reason": "crosses markup",
                                "candidates": [link.entry_id],
                            },
                        )
                if not wrapped:  # the next pass (dates) reads the same running text
                    unchanged[flat.container] = flat
        if counts:
            ctx.record(self.name, {"document": doc.name, "linked": dict(sorted(counts.items()))})
        return []

    def _report(self, ctx: PassContext, doc: str, text: str, d: Decision) -> None:
        item: dict[str, object] = {"document": doc, "text": text, "reason": d.reason}
        if d.next_to:
            item["next to"] = d.next_to
        item["candidates"] = d.candidates
        if d.entry_id:
            item["ref"] = d.entry_id
        ctx.record(self.name, item)

    def _generic(
        self,
        ctx: PassContext,
        doc: str,
        flat: FlatText,
        links: list[_Link],
        offset: int,
        referents: Referents,
    ) -> list[_Link]:
        """Generic references of one container that the document resolves ("the Party" -> the KWP)."""
        found: list[_Link] = []
        for g in find_generic(flat.text):
            if any(k.start < g.end and g.start < k.end for k in links):
                continue  # inside a register name ("the Central Committee of the KWP")
            entry_id, cert, candidates = referents.resolve(g.kind, offset + g.start)
            if not entry_id:
                ctx.record(
                    self.name,
                    {
                        "document": doc,
                        "text": g.head,
                        "reason": "generic reference without one referent in the document",
                        "candidates": candidates,
                    },
                )
                continue
            found.append(_Link(g.start, g.end, g.head, "orgName", entry_id, cert))
        return found

    def _wrap(self, flat: FlatText, link: _Link) -> bool:
        start, end = extend_brackets(flat.text, link.start, link.end)
        s, e = flat.start_position(start), flat.end_position(end)
        span = clean_span(s, e, flat.container) if s and e else inner_span(flat, start, end)
        if span is None:
            return False
        el = etree.Element(tei(link.kind), nsmap=None)
        el.set("ref", f"#{link.entry_id}")
        el.set("resp", RESP)
        if link.cert:
            el.set("cert", link.cert)
        wrap(span[0], span[1], el)
        return True

    def _link_correspondents(
        self, doc: TeiDocument, regs: Registers, headers: list[etree._Element]
    ) -> None:
        """Names in correspDesc get @ref when they hold exactly one full form of an entry of their kind.

        (``DPRK Ambassador to the USSR Ri Sang-jo`` is Ri Sang-jo; a bare short form like ``Kim`` is not enough.)
        """
        matcher = matcher_for(regs)
        for el in _in_headers(
            doc,
            headers,
            ".//tei:correspDesc//*[self::tei:persName or "
            "self::tei:placeName or self::tei:orgName][not(@ref)]",
        ):
            kind = etree.QName(el).localname
            ids = {
                t.entry_id
                for hit in matcher.find(text_of(el))
                for t in hit.targets
                if t.kind == kind and not t.short
            }
            if len(ids) == 1:
                el.set("ref", f"#{next(iter(ids))}")


#: The ``PassContext.handover`` key of the containers the pass read and left as they were, with their
#: running text (``entities.spans.FlatText``), by element.
FLAT_TEXTS = "flat texts"


_kinds_cache: dict[int, tuple[Registers, dict[str, frozenset[str]]]] = {}


def _kinds(regs: Registers) -> dict[str, frozenset[str]]:
    """The kinds of every organisation entry (computed once per loaded registers)."""
    cached = _kinds_cache.get(id(regs))
    if cached is None or cached[0] is not regs:
        kinds = {e.id: org_kinds(e) for e in regs.matchable.values() if e.name_tag == "orgName"}
        cached = (regs, {k: v for k, v in kinds.items() if v})
        _kinds_cache.clear()
        _kinds_cache[id(regs)] = cached
    return cached[1]


def _header_refs(doc: TeiDocument, headers: list[etree._Element]) -> list[str]:
    """The organisations the header's correspondence names (a letter from an embassy)."""
    return [
        el.get("ref", "").removeprefix("#")
        for el in _in_headers(doc, headers, ".//tei:correspDesc//tei:orgName[@ref]")
    ]


def _in_headers(doc: TeiDocument, headers: list[etree._Element], expr: str) -> list[etree._Element]:
    """``//tei:teiHeader`` + ``expr`` (a path from a header): the header found by tag (``headers``: every
    teiHeader of the document) and the path asked of it alone (an XPath from ``//`` gathers and sorts
    every node of the text first)."""
    if len(headers) != 1:  # none, or headers inside another (a corpus): the path from the top
        return xpath(doc.root, "//tei:teiHeader" + expr.removeprefix("."))
    return xpath(headers[0], expr)

"""TagEntities: mark mentions of register entries as persName/placeName/orgName with @ref and @resp.

Names come from the edition's registers (``paths.registers``); without registers the pass does nothing.
A mention is linked when its form belongs to exactly one entry. A short form (a bare surname such as
``Kim``, ``Li``, ``Choe``) or a form shared by several entries is linked to the entry among its candidates
mentioned most recently in the same document, not further back than ``WINDOW`` characters; failing that,
to a candidate the document names ``DOMINANCE`` times more often than the others by unambiguous forms,
with ``@cert="medium"``; otherwise it stays untagged and is recorded (``ambiguous``) for the editor.
Place names are skipped where they act as adjectives: the second half of a lower-case compound
(``anti-Japan``) or the name of a group (the "Yan'an" faction).

Spans cover the name only (titles and possessive endings stay outside), take in editorial brackets and
``supplied`` letters, and run across ``lb``, ``hi`` and repaired words (``choice``); a name inside a
longer correction is marked inside the ``corr``. Markup an editor made (entity elements without
``@resp="#teiedit"``) is never changed and never looked into; teiedit's own earlier links are removed and
made afresh, so that a changed register gives fresh links. In the header only ``correspDesc`` names are
touched: they get ``@ref`` when they hold exactly one full form of an entry of their kind.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument, tei, text_of, xpath
from teiedit.entities.matcher import Hit, Matcher
from teiedit.entities.registers import Registers, load_registers
from teiedit.entities.spans import FlatText, clean_span, containers, inner_span, unwrap, wrap
from teiedit.transforms import PassContext, register

RESP = "#teiedit"
_HYPHENS = frozenset("-\u2010\u2011")
ENTITY_ELEMENTS = ("persName", "placeName", "orgName")
#: How far back (in characters of running text) a mention may resolve a short or shared form.
WINDOW = 4000
#: How many times more often a candidate must be named unambiguously to win an unresolved short form.
DOMINANCE = 3

_matchers: dict[int, tuple[Registers, Matcher]] = {}


def matcher_for(regs: Registers) -> Matcher:
    """One automaton per loaded registers object (the loader caches registers by file state)."""
    cached = _matchers.get(id(regs))
    if cached is None or cached[0] is not regs:
        cached = (regs, Matcher(regs))
        _matchers.clear()
        _matchers[id(regs)] = cached
    return cached[1]


@dataclass
class _Memory:
    """Where in the document each entry was last mentioned (running-text offset)."""

    last: dict[str, int] = field(default_factory=dict)

    def resolve(self, candidates: list[str], here: int) -> str | None:
        seen = [
            (self.last[c], c)
            for c in candidates
            if c in self.last and here - self.last[c] <= WINDOW
        ]
        if not seen:
            return None
        seen.sort(reverse=True)
        if len(seen) > 1 and seen[0][0] == seen[1][0]:
            return None
        return seen[0][1]


def _choose(hit: Hit, memory: _Memory, here: int) -> tuple[str | None, str, list[str]]:
    """The entry a hit stands for (or None), the element name, and the candidate ids.

    Full forms win over short forms of the same text; a form of exactly one entry is linked directly,
    one shared by several entries only through the most recent mention of one of them.
    """
    if len(hit.targets) == 1 and not hit.targets[0].short:
        t = hit.targets[0]
        return t.entry_id, t.kind, [t.entry_id]
    full = [t for t in hit.targets if not t.short]
    pool = full or list(hit.targets)
    ids = list(dict.fromkeys(t.entry_id for t in pool))
    kinds = {t.entry_id: t.kind for t in pool}
    chosen = ids[0] if len(ids) == 1 else memory.resolve(ids, here)
    return chosen, kinds.get(chosen or "", pool[0].kind), ids


def _in_compound(raw: str, hit: Hit) -> bool:
    """A place name as the second half of a lower-case compound is an adjective: ``anti-Japan``, ``pro-Soviet``.

    (``Soviet-DPRK relations`` and ``anti-Kim Il Sung`` are not skipped: the first half is a name, or the
    name is a person's.)
    """
    if not all(t.kind == "placeName" for t in hit.targets):
        return False
    i = hit.start
    if i < 2 or raw[i - 1] not in "-\u2010\u2011":
        return False
    j = i - 1
    while j > 0 and raw[j - 1].isalpha():
        j -= 1
    return j < i - 1 and raw[j].islower()


def _dominant(candidates: list[str], plain: Counter[str]) -> str | None:
    """The candidate the document names far more often than the others by an unambiguous form, if any.

    Linked with ``@cert="medium"``: ``Li`` in a document about Li Sangjo that mentions Li Pilgyu twice.
    """
    ranked = sorted(((plain[c], c) for c in candidates), reverse=True)
    if len(ranked) < 2:
        return None
    (top, best), (second, _) = ranked[0], ranked[1]
    return best if top >= 3 and top >= DOMINANCE * second else None


_GROUP_AFTER = re.compile(r"""["”’']?\s*(?:\[[^\]]*\]\s*)?["“]?(?:factions?|groups?)\b""")


def _names_a_group(raw: str, hit: Hit) -> bool:
    """A place name used for a group of people is no place: the "Yan'an" faction, the Yan'an "group"."""
    return all(t.kind == "placeName" for t in hit.targets) and bool(
        _GROUP_AFTER.match(raw, hit.end)
    )


def _extend_brackets(raw: str, start: int, end: int) -> tuple[int, int]:
    """Take editorial brackets around or half inside a name into its span: ``[Bulganin]``, ``Kim [Chang Hym]``."""
    inner = raw[start:end]
    opened = inner.count("[") - inner.count("]")
    if opened > 0 and raw[end : end + 1] == "]":
        end += 1
    elif opened < 0 and start > 0 and raw[start - 1] == "[":
        start -= 1
    elif opened == 0 and start > 0 and raw[start - 1] == "[" and raw[end : end + 1] == "]":
        start, end = start - 1, end + 1
    return start, end


def registers_folder(edition: Edition) -> Path:
    """The edition's register folder; a relative setting is relative to the edition's root."""
    folder = edition.registers
    return folder if folder.is_absolute() else edition.root / folder


def text_roots(doc: TeiDocument) -> list[etree._Element]:
    return xpath(doc.root, "//tei:text[not(ancestor::tei:text)]")


@register
class TagEntities:
    name = "entities"
    priority = 400  # after repairs, notes and editorial brackets; before dates and ids

    def enabled(self, ctx: PassContext) -> bool:
        return ctx.options.get("entities", True) is not False

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        regs = load_registers(registers_folder(ctx.edition))
        if not regs:
            return []
        matcher = matcher_for(regs)
        counts: dict[str, int] = {}
        for text_el in text_roots(doc):
            for old in list(text_el.iter(*(tei(n) for n in ENTITY_ELEMENTS))):
                if old.get("resp") == RESP and old.get("ref"):
                    unwrap(old)
            # First every hit of the document, so that ambiguous short forms can be weighed against the
            # document's unambiguous mentions; then the links, container by container.
            found: list[tuple[FlatText, list[Hit], int]] = []
            plain: Counter[str] = Counter()
            offset = 0
            for flat in list(containers(text_el)):
                hits = [
                    h
                    for h in matcher.find(flat.text)
                    if not (
                        h.start > 1
                        and flat.text[h.start - 1] in _HYPHENS
                        and _in_compound(flat.text, h)
                    )
                    and not _names_a_group(flat.text, h)
                ]
                plain.update(
                    h.targets[0].entry_id
                    for h in hits
                    if len(h.targets) == 1 and not h.targets[0].short
                )
                found.append((flat, hits, offset))
                offset += len(flat.text) + 1
            memory = _Memory()
            for flat, hits, offset in found:
                plans = []
                for hit in hits:
                    here = offset + hit.start
                    chosen, kind, ids = _choose(hit, memory, here)
                    cert = ""
                    if chosen is None:
                        chosen = _dominant(ids, plain)
                        if chosen is None:
                            ctx.record(
                                self.name,
                                {
                                    "document": doc.name,
                                    "text": hit.text,
                                    "reason": "ambiguous",
                                    "candidates": ids,
                                },
                            )
                            continue
                        kind = next(t.kind for t in hit.targets if t.entry_id == chosen)
                        cert = "medium"
                        ctx.record(
                            self.name,
                            {
                                "document": doc.name,
                                "text": hit.text,
                                "reason": "linked to the most mentioned",
                                "candidates": ids,
                                "ref": chosen,
                            },
                        )
                    memory.last[chosen] = here
                    plans.append((hit, chosen, kind, cert))
                for hit, chosen, kind, cert in reversed(plans):
                    start, end = _extend_brackets(flat.text, hit.start, hit.end)
                    s, e = flat.start_position(start), flat.end_position(end)
                    span = (
                        clean_span(s, e, flat.container)
                        if s and e
                        else inner_span(flat, start, end)
                    )
                    if span is None:
                        ctx.record(
                            self.name,
                            {
                                "document": doc.name,
                                "text": hit.text,
                                "reason": "crosses markup",
                                "candidates": [chosen],
                            },
                        )
                        continue
                    el = etree.Element(tei(kind), nsmap=None)
                    el.set("ref", f"#{chosen}")
                    el.set("resp", RESP)
                    if cert:
                        el.set("cert", cert)
                    wrap(span[0], span[1], el)
                    counts[kind] = counts.get(kind, 0) + 1
        self._link_correspondents(doc, regs)
        if counts:
            ctx.record(self.name, {"document": doc.name, "linked": dict(sorted(counts.items()))})
        return []

    def _link_correspondents(self, doc: TeiDocument, regs: Registers) -> None:
        """Names in correspDesc get @ref when they hold exactly one full form of an entry of their kind.

        (``DPRK Ambassador to the USSR Ri Sang-jo`` is Ri Sang-jo; a bare short form like ``Kim`` is not enough.)
        """
        matcher = matcher_for(regs)
        for el in xpath(
            doc.root,
            "//tei:teiHeader//tei:correspDesc//*[self::tei:persName or "
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

"""TagEntities: mark mentions of register entries as persName/placeName/orgName with @ref and @resp.

Names come from the edition's registers (``paths.registers``); without registers the pass does nothing.
A mention is linked when its form belongs to exactly one entry. A short form (a bare surname such as
``Kim``, ``Li``, ``Choe``) or a form shared by several entries is linked only to the entry among its
candidates mentioned most recently in the same document, and not further back than ``WINDOW``
characters; otherwise it stays untagged and is recorded (``ambiguous``) for the editor. Markup an editor
made (entity elements without ``@resp="#teiedit"``) is never changed and never looked into; teiedit's own
earlier links are removed and made afresh, so that a changed register gives fresh links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedit.config import Edition
from teiedit.diagnostics import Diagnostic
from teiedit.document import TeiDocument, tei, text_of, xpath
from teiedit.entities.matcher import Hit, Matcher, match_key
from teiedit.entities.registers import Registers, load_registers
from teiedit.entities.spans import clean_span, containers, unwrap, wrap
from teiedit.transforms import PassContext, register

RESP = "#teiedit"
ENTITY_ELEMENTS = ("persName", "placeName", "orgName")
#: How far back (in characters of running text) a mention may resolve a short or shared form.
WINDOW = 4000

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
        seen = [(self.last[c], c) for c in candidates if c in self.last and here - self.last[c] <= WINDOW]
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
    full = [t for t in hit.targets if not t.short]
    pool = full or list(hit.targets)
    ids = list(dict.fromkeys(t.entry_id for t in pool))
    kinds = {t.entry_id: t.kind for t in pool}
    chosen = ids[0] if len(ids) == 1 else memory.resolve(ids, here)
    return chosen, kinds.get(chosen or "", pool[0].kind), ids


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
            memory = _Memory()
            offset = 0
            for flat in containers(text_el):
                plans = []
                for hit in matcher.find(flat.text):
                    here = offset + hit.start
                    chosen, kind, ids = _choose(hit, memory, here)
                    if chosen is None:
                        ctx.record(self.name, {
                            "document": doc.name, "text": hit.text, "reason": "ambiguous",
                            "candidates": ids,
                        })
                        continue
                    memory.last[chosen] = here
                    plans.append((hit, chosen, kind))
                for hit, chosen, kind in reversed(plans):
                    start, end = _extend_brackets(flat.text, hit.start, hit.end)
                    s, e = flat.start_position(start), flat.end_position(end)
                    span = clean_span(s, e, flat.container) if s and e else None
                    if span is None:
                        ctx.record(self.name, {
                            "document": doc.name, "text": hit.text, "reason": "crosses markup",
                            "candidates": [chosen],
                        })
                        continue
                    el = etree.Element(tei(kind), nsmap=None)
                    el.set("ref", f"#{chosen}")
                    el.set("resp", RESP)
                    wrap(span[0], span[1], el)
                    counts[kind] = counts.get(kind, 0) + 1
                offset += len(flat.text) + 1
        self._link_correspondents(doc, regs)
        if counts:
            ctx.record(self.name, {"document": doc.name, "linked": dict(sorted(counts.items()))})
        return []

    def _link_correspondents(self, doc: TeiDocument, regs: Registers) -> None:
        """Names in correspDesc get @ref when their whole text is a form of exactly one entry."""
        by_key: dict[tuple[str, str], set[str]] = {}
        for entry in regs.entries.values():
            for v in entry.variants:
                if not v.is_short:
                    by_key.setdefault((entry.kind, match_key(v.text)), set()).add(entry.id)
        for el in xpath(doc.root, "//tei:teiHeader//tei:correspDesc//*[self::tei:persName or "
                                  "self::tei:placeName or self::tei:orgName][not(@ref)]"):
            ids = by_key.get((etree.QName(el).localname, match_key(text_of(el))), set())
            if len(ids) == 1:
                el.set("ref", f"#{next(iter(ids))}")


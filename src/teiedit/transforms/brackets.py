"""MarkEditorialBrackets: turn the source editor's square-bracket interventions into TEI editorial markup.

Transcriptions and translations of archival documents mark the editor's interventions with square
brackets: ``[illegible]``, ``[...]``, inserted words ``[or]``, completed words ``S[o] Hwi``, ``[sic]``,
``[?]``, ``[signed]``, alternative romanisations ``Pak Heon-yeong [Pak Hon Yong]``, abbreviations
explained ``CC [Central Committee]``, and descriptions of handwriting or stamps ``[handwritten in the
margin: ...]``. This pass recognises them by their shape (never by a particular name or document) and
encodes them as ``gap``, ``supplied``, ``sic``, ``unclear``, ``choice``, ``add`` or ``seg``.

Nothing is lost: the element that stands for a bracket expression carries ``@rend="brackets"`` and every
character the source had inside the brackets stays as text, so ``original_reading`` gives back
``"[" + text + "]"`` for it. Anything in brackets that is not recognised stays as it is and is reported;
footnote markers such as ``[1]`` are left for the notes code.
"""

from __future__ import annotations

import re

from lxml import etree

from teiedit.brackets.conventions import add_editorial_decl, is_bracket_element
from teiedit.brackets.encode import REND, Found, classify, reading
from teiedit.brackets.shapes import FOOTNOTE_MARKER, INNERMOST
from teiedit.diagnostics import Diagnostic
from teiedit.document import (
    TeiDocument,
    is_pdf_debris,
    is_tei,
    is_teiedit_note,
    local_name,
    text_roots,
)
from teiedit.mixed import Flat, flatten, rebuild
from teiedit.transforms import PassContext, register

#: Elements whose content the pass never rewrites: editorial additions (not original text), markup that
#: already encodes an alternative or an omission (PDF repairs put damaged text in choice/sic), identifiers.
_SKIP = frozenset(
    {"corr", "reg", "expan", "ex", "choice", "gap", "desc", "certainty", "idno", "code"}
)

#: Elements whose content TEI limits to text and a few phrase elements (macro.limitedContent): there only
#: the choice-based encodings are valid; other brackets there are left as text and reported.
_LIMITED = frozenset({"figDesc", "catDesc", "headLabel", "headItem"})
_VALID_IN_LIMITED = frozenset({"romanisation", "expansion"})

#: How far before/after a bracket the pass looks for the word or name it belongs to.
_CONTEXT = 300


@register
class MarkEditorialBrackets:
    """Encode the source editor's square-bracket interventions as TEI editorial markup."""

    name = "brackets"

    def enabled(self, ctx: PassContext) -> bool:
        return bool(ctx.options.get("brackets", True))

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        texts = text_roots(doc.root)
        if not texts:
            return []
        run = _Run(doc.name, ctx)
        for text in texts:
            run.container(text)
        if run.changed:
            add_editorial_decl(doc)
        return []


class _Run:
    """One document's walk: rewrites containers, counts the changes and records every bracket."""

    def __init__(self, doc_name: str, ctx: PassContext) -> None:
        self.doc_name = doc_name
        self.ctx = ctx
        self.changed = 0

    def record(self, kind: str, source: str, **detail: object) -> None:
        item: dict[str, object] = {"document": self.doc_name, "kind": kind, "source": source}
        item.update(detail)
        self.ctx.record("brackets", item)

    def container(self, el: etree._Element) -> None:
        """Rewrite brackets in ``el``'s descendants first, then in ``el``'s own text nodes."""
        for child in list(el):
            if _descend(child):
                self.container(child)
        # flatten's text is the own text with a placeholder (never a bracket) for each child: most
        # elements hold no bracket, and are not flattened
        own = (el.text or "") + "".join([c.tail or "" for c in el])
        if "[" not in own and "]" not in own:
            return
        flat = flatten(el)
        found = self.scan(flat, limited=local_name(el) in _LIMITED)
        if found:
            rebuild(el, flat, [(f.start, f.end, f.nodes) for f in found])
            flat = flatten(el)
        self.report_leftovers(flat)

    def report_leftovers(self, flat: Flat) -> None:
        """Report brackets still in the text: around converted or nested ones, or not closed here.

        Innermost pairs were classified (and reported if unrecognised) by ``scan``; this reports the rest.
        """
        stack: list[list[int]] = []  # [start, holds an inner pair]
        for m in re.finditer(r"[\[\]]", flat.text):
            if m.group(0) == "[":
                stack.append([m.start(), 0])
            elif stack:
                start, inner = stack.pop()
                if stack:
                    stack[-1][1] = 1
                if inner or any(
                    is_bracket_element(c) for c in flat.children_between(start, m.start())
                ):
                    self.record("unrecognised", reading(flat, start, m.end()), nested=True)
            else:
                self.record("unbalanced", _around(flat, m.start()), char="]")
        for start, _ in stack:
            self.record("unbalanced", _around(flat, start), char="[")

    def scan(self, flat: Flat, *, limited: bool = False) -> list[Found]:
        """The innermost bracket pairs of ``flat`` that are recognised (every one recorded)."""
        out: list[Found] = []
        taken = 0  # nothing before this offset may be rewritten again
        for m in INNERMOST.finditer(flat.text):
            # Context is looked for in the same text node only, and at most _CONTEXT characters away.
            before_start = max(flat.node_start(m.start()), taken, m.start() - _CONTEXT)
            before = flat.text[before_start : m.start()]
            after = flat.text[m.end() : min(flat.node_end(m.end()), m.end() + _CONTEXT)]
            inner_has_children = flat.has_child(m.start() + 1, m.end() - 1)
            content = reading(flat, m.start() + 1, m.end() - 1)
            source = "[" + content + "]"
            f = classify(flat, m, content, before, before_start, after, inner_has_children)
            if f is not None and limited and f.kind not in _VALID_IN_LIMITED:
                # TEI allows no gap/supplied/note here: keep the text, tell the editor what it would be
                self.record("unrecognised", source, would_be=f.kind, limited_content=True)
                continue
            if f is None:
                if not FOOTNOTE_MARKER.match(content):
                    self.record("unrecognised", source)
                continue
            out.append(f)
            taken = f.end
            self.changed += 1
            self.record(f.kind, source, **f.detail)
        return out


def _descend(child: etree._Element) -> bool:
    """True for a child whose own brackets the pass rewrites (not editorial or teiedit's own markup)."""
    if not is_tei(child):
        return False
    name = local_name(child)
    if name in _SKIP:
        return False
    if REND in (child.get("rend") or "").split():
        return False
    return not (is_teiedit_note(child) or is_pdf_debris(child))


def _around(flat: Flat, pos: int, width: int = 40) -> str:
    """The text around ``pos`` (for reports), children given as their reading."""
    return reading(flat, max(0, pos - width), min(len(flat.text), pos + width)).strip()

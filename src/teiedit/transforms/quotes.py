"""MarkQuotations: wrap quoted passages of the running text in TEI ``q`` or ``quote``.

Converted sources carry their quotations only as quotation marks. This pass finds pairs of marks in the
text of running-text elements (p, item, head, note, ab, salute, signed, ...) and wraps what lies between
them, leaving the marks themselves as text outside the new element (``“<q>…</q>”``), so the document's
original reading does not change.

Convention (stated in editorialDecl/quotation when something was marked):

* ``quote`` for a quoted passage of eight words or more, where the parent may hold a ``quote``;
* ``q`` for shorter quotations, terms and so-called expressions (and wherever ``quote`` is not allowed).

Which marks count:

* curly double ``“…”`` pairs;
* curly single ``‘…’`` pairs only when ``‘`` follows the start, a space or an opening bracket/dash and the
  closing ``’`` is followed by a space, punctuation or the end (``’`` is also the apostrophe);
* straight ``"…"`` pairs only when every straight double mark of the element is well placed (opening after
  start/space/bracket, closing before space/punctuation/end), they alternate open/close and there are at
  most a few of them. PDF-damaged text uses ``"`` for spaces (``vjg"Uqxkgv"``): such text is never touched.

A pair must sit in the text of one element (its own text and its children's tails); a quotation whose
marks are in different elements is left as it is and recorded as ``unpaired``. The pass never works in
the teiHeader, inside attributes, or inside editorial or already-quoted markup (choice, sic, corr, reg,
orig, gap, desc, q, quote, PDF debris). Running it twice changes nothing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lxml import etree

from teiedit.diagnostics import Diagnostic
from teiedit.document import (
    E,
    TeiDocument,
    editorial_decl,
    is_pdf_debris,
    is_tei,
    is_teiedit_note,
    local_name,
    tei,
    text_roots,
)
from teiedit.mixed import Piece, fill, flatten, rebuild
from teiedit.transforms import PassContext, register

#: Elements whose own text is running text that may hold quotations.
_CONTAINERS = frozenset(
    {
        "p",
        "ab",
        "item",
        "head",
        "note",
        "salute",
        "signed",
        "cell",
        "label",
        "l",
        "byline",
        "dateline",
        "hi",
        "emph",
        "add",
        "postscript",
        "closer",
        "opener",
        "docAuthor",
        "trailer",
        "argument",
        "epigraph",
        "bibl",
        "title",
        "foreign",
        "supplied",
        "unclear",
    }
)
#: Elements whose content (and descendants) the pass never touches.
_NEVER = frozenset(
    {
        "choice",
        "sic",
        "corr",
        "reg",
        "orig",
        "gap",
        "desc",
        "q",
        "quote",
        "said",
        "idno",
        "code",
        "expan",
        "abbr",
        "ex",
        "certainty",
        "figDesc",
        "catDesc",
    }
)
#: Parents in which the project schema (and tei_all) allows ``quote`` (model.attributable / model.inter).
#: Elsewhere (dateline, byline, closer, ...) a long quotation is still a ``q``, which any phrase may hold.
_QUOTE_OK = frozenset(
    {"p", "ab", "item", "note", "head", "salute", "signed", "cell", "hi", "label", "title"}
)
#: A quotation of at least this many words becomes ``quote``; shorter ones ``q``.
QUOTE_MIN_WORDS = 8
#: More straight double marks than this in one element: not quotations (damaged or technical text).
MAX_STRAIGHT = 6
#: Stands for a child node in the flattened text of an element.
_HOLE = "\ufffc"

_OPEN_BEFORE = re.compile(r"[\s(\[{—–\-“‘\"/" + _HOLE + "]")
_CLOSE_AFTER = re.compile(r"[\s.,;:!?)\]}—–\-”’\"/…" + _HOLE + "]")

_DOUBLE_MARK = re.compile("[“”]")
_SINGLE_MARK = re.compile("[‘’]")

DECL_TEXT = (
    "Quotations: quoted passages of eight words or more are encoded as quote, shorter quotations, terms "
    "and so-called expressions as q; the quotation marks of the source are kept as text outside the "
    "element. Straight quotation marks are read as quotation marks only where they pair unambiguously; "
    "marks split across other markup are left as text."
)


@dataclass
class Span:
    """A quotation found in one element's flattened text: content [start, end) between the two marks."""

    start: int
    end: int
    mark: str  # "double", "single" or "straight"


def _is_skipped(el: etree._Element) -> bool:
    """True when ``el`` or an ancestor is markup the pass must not enter."""
    node: etree._Element | None = el
    while node is not None:
        if isinstance(node.tag, str):
            if is_tei(node):
                name = local_name(node)
                if name in _NEVER or name == "teiHeader":
                    return True
                if is_pdf_debris(node) or is_teiedit_note(node):
                    return True
            else:
                return True
        node = node.getparent()
    return False


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else " "


def find_spans(text: str) -> tuple[list[Span], list[int]]:
    """Quotation spans in ``text`` (holes stand for child nodes) and the offsets of unpaired marks."""
    spans: list[Span] = []
    unpaired: list[int] = []
    # curly double: a simple stack, outermost pairs only
    opened: int | None = None
    depth = 0
    for m in _DOUBLE_MARK.finditer(text):  # only the marks: a 10 MB line is not walked char by char
        i, ch = m.start(), m.group()
        if ch == "“":
            if depth == 0:
                opened = i
            depth += 1
        elif ch == "”":
            if depth == 0:
                unpaired.append(i)
                continue
            depth -= 1
            if depth == 0 and opened is not None:
                spans.append(Span(opened + 1, i, "double"))
                opened = None
    if depth and opened is not None:
        unpaired.append(opened)
    spans.extend(_single_spans(text, spans, unpaired))
    spans.extend(_straight_spans(text, unpaired))
    # a quotation says something: marks around nothing, or around a bare number (“15” October), are not one
    spans = [s for s in spans if any(c.isalpha() or c == _HOLE for c in text[s.start : s.end])]
    spans.sort(key=lambda s: s.start)
    kept: list[Span] = []
    for s in spans:  # outermost first; drop anything overlapping a kept span
        if kept and s.start - 1 < kept[-1].end + 1:
            continue
        kept.append(s)
    return kept, unpaired


def _inside(i: int, spans: list[Span], opens: list[int]) -> bool:
    """True when offset ``i`` is a mark or content of one of ``spans`` (sorted; ``opens``: their marks)."""
    k = bisect.bisect_right(opens, i) - 1
    return k >= 0 and i <= spans[k].end


def _single_spans(text: str, doubles: list[Span], unpaired: list[int]) -> list[Span]:
    out: list[Span] = []
    opened: int | None = None
    opens = [d.start - 1 for d in doubles]
    for m in _SINGLE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if _inside(i, doubles, opens):
            continue
        if ch == "‘":
            if _OPEN_BEFORE.match(_before(text, i)) and not _after(text, i).isspace():
                if opened is not None:
                    unpaired.append(opened)
                opened = i
        elif ch == "’" and opened is not None:
            nxt = _after(text, i)
            if (
                not _before(text, i).isspace()
                and _CLOSE_AFTER.match(nxt)
                and not text[i + 1 : i + 3].lower().startswith("s")
            ):
                out.append(Span(opened + 1, i, "single"))
                opened = None
    if opened is not None:
        unpaired.append(opened)
    return out


def _straight_spans(text: str, unpaired: list[int]) -> list[Span]:
    marks = [m.start() for m in re.finditer('"', text)]
    if not marks or len(marks) % 2 or len(marks) > MAX_STRAIGHT:
        return []
    out: list[Span] = []
    for k in range(0, len(marks), 2):
        o, c = marks[k], marks[k + 1]
        opening = (_before(text, o).isspace() or _before(text, o) in "([" + _HOLE) and not _after(
            text, o
        ).isspace()
        closing = (
            not _before(text, c).isspace()
            and bool(_CLOSE_AFTER.match(_after(text, c)))
            and _after(text, c) != '"'
        )
        if not (opening and closing) or c == o + 1:
            return []  # any odd placement: leave every straight mark of the element alone
        out.append(Span(o + 1, c, "straight"))
    return out


def _words(text: str) -> int:
    return len(text.replace(_HOLE, " ").split())


class _Run:
    def __init__(self, doc_name: str, ctx: PassContext) -> None:
        self.doc_name = doc_name
        self.ctx = ctx
        self.marked = 0

    def element(self, el: etree._Element) -> None:
        flat = flatten(el, _HOLE)
        if flat.placeholder != _HOLE:
            return  # the text holds the character that stands for child elements here
        text = flat.text
        if not any(m in text for m in '“”‘"'):
            return
        spans, unpaired = find_spans(text)
        # a span already holding a q/quote was marked before (or is nested quoting): leave it
        spans = [
            s
            for s in spans
            if not any(
                isinstance(c, etree._Element)
                and isinstance(c.tag, str)
                and local_name(c) in ("q", "quote")
                for c in flat.pieces(s.start, s.end)
            )
        ]
        for i in unpaired:
            self.ctx.record(
                "quotes",
                {
                    "document": self.doc_name,
                    "kind": "unpaired",
                    "mark": text[i],
                    "element": local_name(el),
                    "context": text[max(0, i - 30) : i + 30].replace(_HOLE, "…"),
                },
            )
        if not spans:
            return
        name = local_name(el)
        wrapped: list[tuple[int, int, list[Piece]]] = []
        for s in spans:
            inner = text[s.start : s.end]
            words = _words(inner)
            tag = "quote" if words >= QUOTE_MIN_WORDS and name in _QUOTE_OK else "q"
            wrapper = etree.Element(tei(tag))
            fill(wrapper, flat.pieces(s.start, s.end))
            wrapped.append((s.start, s.end, [wrapper]))
            self.marked += 1
            self.ctx.record(
                "quotes",
                {
                    "document": self.doc_name,
                    "kind": tag,
                    "mark": s.mark,
                    "element": name,
                    "words": words,
                    "text": inner.replace(_HOLE, "…")[:80],
                },
            )
        rebuild(el, flat, wrapped)


def _declare(doc: TeiDocument) -> None:
    """State the convention in teiHeader/encodingDesc/editorialDecl/quotation (once)."""
    decl = editorial_decl(doc.root)
    if decl is None:
        return
    for q in decl.findall(tei("quotation")):
        if any((p.text or "") == DECL_TEXT for p in q.findall(tei("p"))):
            return
    decl.append(E.quotation(E.p(DECL_TEXT), marks="all"))


@register
class MarkQuotations:
    """Wrap quoted passages of the running text in q/quote, keeping the marks as text."""

    name = "quotes"

    def enabled(self, ctx: PassContext) -> bool:
        return bool(ctx.options.get("quotes", True))

    def __call__(self, doc: TeiDocument, ctx: PassContext) -> list[Diagnostic]:
        run = _Run(doc.name, ctx)
        for text in text_roots(doc.root):
            candidates = [
                el for el in text.iter(*(tei(n) for n in _CONTAINERS)) if not _is_skipped(el)
            ]
            for el in candidates:
                if not _is_skipped(el):  # an earlier wrap may have put it inside a new q
                    run.element(el)
        if run.marked:
            _declare(doc)
        return []


__all__ = ["MarkQuotations", "find_spans", "DECL_TEXT", "QUOTE_MIN_WORDS"]

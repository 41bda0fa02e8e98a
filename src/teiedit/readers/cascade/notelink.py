"""Pair note calls in the text with the note bodies the labeller found, whatever the call looks like.

Calls are searched per note body, in the order of the bodies: ``[1]``, ``(1)`` or ``<sup>1</sup>`` after a
word, a number glued after a word or a punctuation mark (``carried1``, ``p.m.,1``, ``discussed51.``),
a Markdown superscript link (``^[\\[1\\]](#n1)^``), asterisks (``Sirola*``) and, for a lettered body just
below its call, a letter glued to a capitalised word (``Germanya``). A call becomes
``note[@place='foot'][@n]`` holding the body's text; the call and the body's label are ``label`` spans and
the body a ``moved`` span (see ``readers.base.Span``). A body without a call stays where it is, as
``note[@type='orphan']``, and is reported; nothing is dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E, append_text
from teiedit.readers.base import SetAside, Span, context_before
from teiedit.readers.cascade.model import Labelled

_BODY = re.compile(
    r"^(?:(?P<label>\[\[?(?P<n1>\d{1,3})\.?\]?(?:\{[^}]*\})?\]?(?:\{[^}]*\})?|\((?P<n2>\d{1,3})\)|"
    r"(?P<n6>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?=\s*\S)"
    r"|(?P<label2>(?P<n3>\d{1,3})\.?|(?P<n4>[a-z])|(?P<n5>\*{1,4}))(?=\s+\S))"
)
#: Superscript digits (a call or a note's number set as "¹²"), read as the number they write.
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BRACKET_CALL = re.compile(r"\[(?<=\S\[)(?P<n>\d{1,3})\]")  # "x[n]"; the bracket first: found in C
_SUP = re.compile(r"<sup>\s*(?P<n>\d{1,3})\s*</sup>")
#: A web page's link back from a note to its call, at the end of the note: page furniture.
_BACK_LINK = re.compile(
    r"\s*(?P<link>(?<=\s)Back|↩|↑|(?<=\s)\^|Return to text|back to text|Google Scholar|CrossRef|PubMed)\s*$",
    re.IGNORECASE,
)
#: Markup a web page or its conversion left in the text: an HTML anchor (``<"p394">``, ``<a name=x>``),
#: a Markdown attribute list (``{.info}``, ``{#n1}``).
_DEBRIS = re.compile(r'<"[^"<>\n]{1,40}">|</?a\b[^<>\n]{0,80}>|\{[.#][\w-]+(?:\s+[.#][\w-]+)*\}')


@dataclass
class NoteBody:
    block: Labelled
    n: str
    label: str
    text: str  # the body without its label (and without a back link)
    start: int  # offset of the body text in the source
    used: bool = False
    text_end: int = (
        -1
    )  # where the note's own text ends in its block (a web link after it set aside)


@dataclass
class Linker:
    """Note bodies of one document and the calls found for them."""

    bodies: list[NoteBody] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    #: block start offset -> [(call start, call end, body)] in text order
    calls: dict[int, list[tuple[int, int, NoteBody | None]]] = field(default_factory=dict)
    #: calls written as ``<sup>n</sup>`` that found no note body (reported)
    unpaired: list[dict[str, object]] = field(default_factory=list)

    def fill(self, el: etree._Element, block: Labelled) -> etree._Element:
        """Append the block's text to ``el``: paired calls replaced by their notes, an unpaired
        ``<sup>n</sup>`` by ``hi[@rend='sup']`` (the call of a note the source lost), markup debris of a
        web page set aside."""
        text = block.text
        # (start, end, what): a note, "sup" for a lost note's call, "drop" for debris
        events: list[tuple[int, int, NoteBody | str]] = [
            (a, end, body)
            for a, end, body in self.calls.get(block.seg.start, [])
            if body is not None
        ]

        def free(m: re.Match[str]) -> bool:
            return not any(a < m.end() and m.start() < end for a, end, _ in events)

        for m in _SUP.finditer(text):
            if free(m):
                events.append((m.start(), m.end(), "sup"))
        for m in _DEBRIS.finditer(text):
            if free(m):
                events.append((m.start(), m.end(), "drop"))
                line = block.seg.line + text.count("\n", 0, m.start())
                self.set_aside.append(
                    SetAside(
                        m.group(0), "markup left by the web page", line, block.seg.start + m.start()
                    )
                )
        for m in _BRACKET_CALL.finditer(text):
            if free(m):
                # stays in the text as written; reported so the editor can find the lost note
                line = block.seg.line + text.count("\n", 0, m.start())
                self.unpaired.append(
                    {"n": m["n"], "line": line, "kind": "marker without a note body"}
                )
        pos = 0
        last: etree._Element | None = el[-1] if len(el) else None
        for a, end, what in sorted(events, key=lambda e: e[0]):
            append_text(el, last, text[pos:a])
            pos = end
            if what == "drop":
                continue
            new = (
                E.note(what.text, place="foot", n=what.n)
                if isinstance(what, NoteBody)
                else self._sup(text, a, block)
            )
            el.append(new)
            last = new
        append_text(el, last, text[pos:])
        return el

    def _sup(self, text: str, at: int, block: Labelled) -> etree._Element:
        """``hi[@rend='sup']`` for a call whose note is lost; its tags are recorded as label spans."""
        m = _SUP.match(text, at)
        assert m is not None
        line = block.seg.line + text.count("\n", 0, at)
        off = block.seg.start
        end_tag = at + m.group(0).rindex("</sup>")
        self.spans.append(Span(line, "<sup>", "label", context_before(text, at), off + at))
        self.spans.append(
            Span(line, "</sup>", "label", context_before(text, end_tag), off + end_tag)
        )
        self.unpaired.append({"n": m["n"], "line": line, "kind": "marker without a note body"})
        return E.hi(m["n"], rend="sup")

    def note_text(self, block: Labelled) -> str:
        """The text of an unpaired note body as it stays in the TEI (label kept, a trailing web link not)."""
        for body in self.bodies:
            if body.block is block and body.text_end >= 0:
                return block.text[: body.text_end].rstrip()
        return block.text

    def orphans(self) -> list[NoteBody]:
        return [b for b in self.bodies if not b.used]

    def report(self) -> list[dict[str, object]]:
        """Calls without a body and bodies without a call, for the conversion report."""
        bodies: list[dict[str, object]] = [
            {
                "n": b.n,
                "line": b.block.seg.line,
                "kind": "note body without a call",
                "text": b.text[:120],
            }
            for b in self.orphans()
        ]
        return [*self.unpaired, *bodies]


def parse_body(block: Labelled) -> NoteBody | None:
    """A note body's number or mark and its text, or None when the block does not start with one."""
    text = block.text
    m = _BODY.match(text)
    if not m:
        return None
    n = next(g for g in (m["n1"], m["n2"], m["n3"], m["n4"], m["n5"], m["n6"]) if g)
    label = m["label"] or m["label2"] or m["n6"]
    n = n.translate(SUPERSCRIPTS)
    rest = text[m.end() :]
    lead = len(rest) - len(rest.lstrip())
    body = rest.strip()
    return NoteBody(block, n, label, body, block.seg.start + m.end() + lead)


def call_patterns(n: str) -> list[re.Pattern[str]]:
    """The ways a call of note ``n`` is written in running text, the strongest first."""
    if n.isdigit():
        return [
            re.compile(rf"(?<=\S)\[{n}\]"),
            re.compile(rf"(?<=\S)\({n}\)"),
            re.compile(rf"\s?<sup>\s*{n}\s*</sup>"),
            re.compile(rf"\s?\^\[\\?\[{n}\\?\]\]\([^)]*\)\^"),
            re.compile(rf"(?<=\S){n.translate(_TO_SUPERSCRIPT)}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])"),
            re.compile(rf"(?<=[A-Za-z.,;:”’\")\]])(?<![A-Z]\.){n}(?=[\s.,;:)”’\"]|$|[A-Z])"),
        ]
    if n.startswith("*"):
        return [re.compile(rf"(?<=[\w.,;:”’\")]){re.escape(n)}(?!\*)")]
    return [
        re.compile(rf"(?<=[A-Z][a-z]{{2}}){n}\b|(?<=[A-Z][a-z]{{3}}){n}\b|(?<=[a-z]{{5}}){n}(?=\s)")
    ]


def link(blocks: list[Labelled], text_labels: frozenset[str]) -> Linker:
    """Find the note bodies among ``blocks`` and their calls in the blocks labelled ``text_labels``."""
    linker = Linker()
    for b in blocks:
        if b.label == "note" and not b.aside and (body := parse_body(b)) is not None:
            back = _BACK_LINK.search(body.text)
            if back and len(body.text) > len(back["link"]) + 2:
                at = body.start + back.start("link")
                linker.set_aside.append(
                    SetAside(
                        back["link"],
                        "link of a web page's note (furniture)",
                        b.seg.line + b.text.count("\n", 0, at - b.seg.start),
                        at,
                    )
                )
                body.text = body.text[: back.start()].rstrip()
                body.text_end = at - b.seg.start
            linker.bodies.append(body)
    texts = [b for b in blocks if b.label in text_labels and not b.aside]
    taken: dict[int, list[tuple[int, int]]] = {}
    cursor = (-1, 0)  # (block index, offset): numbered calls come in order
    found: list[tuple[int, int, int, NoteBody, bool]] = []
    index = _numeric_calls(texts) if any(b.n.isdigit() for b in linker.bodies) else {}
    for body in linker.bodies:
        if body.n.isdigit():
            hit = _next_call(index.get(body.n, []), taken, cursor)
        else:
            hit = _find_call(body, texts, taken, (-1, 0))
        if hit is None:
            continue
        k, a, end, is_glued = hit
        taken.setdefault(k, []).append((a, end))
        found.append((k, a, end, body, is_glued))
        if body.n.isdigit():
            cursor = (k, end)
    # A number glued to a word is a call only in company: among several note bodies, one such pairing
    # alone is more likely a number of the text ("Vol. 1") than a call.
    if len(linker.bodies) >= 3 and len(found) == 1 and found[0][4]:
        found = []
    for k, a, end, body, _ in found:
        block = texts[k]
        body.used = True
        linker.calls.setdefault(block.seg.start, []).append((a, end, body))
        call = block.text[a:end]
        at = a + len(call) - len(call.lstrip())
        line = block.seg.line + block.text.count("\n", 0, a)
        linker.spans.append(
            Span(line, call.strip(), "label", context_before(block.text, at), block.seg.start + at)
        )
        body_line = body.block.seg.line
        linker.spans.append(Span(body_line, body.label, "label", offset=body.block.seg.start))
        linker.spans.append(Span(body_line, body.text, "moved", offset=body.start))
    for calls in linker.calls.values():
        calls.sort(key=lambda c: c[0])
    return linker


#: Every way a numbered call is written (see call_patterns), for any number; the last one is the
#: weakest (a number glued to a word). The bracketed and glued forms start with the bracket or digit, their
#: look-behinds after it: the same matches, but the scan skips ahead to that character in C instead of
#: trying the look-behinds at every position of the text.
_NUMERIC_CALLS = tuple(
    re.compile(rx)
    for rx in (
        r"\[(?<=\S\[)(?P<n>\d{1,3})\]",
        r"\((?<=\S\()(?P<n>\d{1,3})\)",
        r"\s?<sup>\s*(?P<n>\d{1,3})\s*</sup>",
        r"\s?\^\[\\?\[(?P<n>\d{1,3})\\?\]\]\([^)]*\)\^",
        r"(?<=\S)(?P<n>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})",
        r"(?P<n>\d(?<=[A-Za-z.,;:”’\")\]]\d)(?<![A-Z]\.\d)\d{0,2})(?=[\s.,;:)”’\"]|$|[A-Z])",
    )
)
#: What a text must hold for each of ``_NUMERIC_CALLS`` to match in it (one of the strings; none: any
#: text). The three forms whose scan cannot skip ahead to a first character (an optional space, a
#: look-behind first) are tried only on texts that hold their tag or marks, found by a substring search.
_NUMERIC_NEEDS: tuple[tuple[str, ...], ...] = ((), (), ("<sup>",), ("^[",), tuple("⁰¹²³⁴⁵⁶⁷⁸⁹"), ())


def _numeric_calls(texts: list[Labelled]) -> dict[str, list[tuple[int, int, int, bool]]]:
    """Every possible numbered call in the text blocks, by number: (block index, start, end, glued),
    in text order. One pass over the text, however many notes there are."""
    index: dict[str, list[tuple[int, int, int, bool]]] = {}
    last = len(_NUMERIC_CALLS) - 1
    for k, block in enumerate(texts):
        for idx, rx in enumerate(_NUMERIC_CALLS):
            needs = _NUMERIC_NEEDS[idx]
            if needs and not any(w in block.text for w in needs):
                continue
            for m in rx.finditer(block.text):
                n = m["n"].translate(SUPERSCRIPTS)
                index.setdefault(n, []).append((k, m.start(), m.end(), idx == last))
    for calls in index.values():
        calls.sort()
    return index


def _next_call(
    calls: list[tuple[int, int, int, bool]],
    taken: dict[int, list[tuple[int, int]]],
    cursor: tuple[int, int],
) -> tuple[int, int, int, bool] | None:
    """The first of ``calls`` at or after ``cursor`` that does not overlap a call already taken."""
    i = bisect.bisect_left(calls, (cursor[0], cursor[1], -1, False))
    for k, a, end, glued in calls[i:]:
        if not any(x < end and a < y for x, y in taken.get(k, [])):
            return k, a, end, glued
    return None


def _find_call(
    body: NoteBody,
    texts: list[Labelled],
    taken: dict[int, list[tuple[int, int]]],
    cursor: tuple[int, int],
) -> tuple[int, int, int, bool] | None:
    """(text block index, start, end, found as a glued number) of the call of ``body``: the first
    after ``cursor``."""
    patterns = call_patterns(body.n)
    lettered = not body.n.isdigit() and not body.n.startswith("*")
    candidates = range(len(texts))
    if lettered:  # a lettered note's call is in one of the few blocks just above it
        above = [k for k, t in enumerate(texts) if t.seg.start < body.block.seg.start]
        candidates = range(max(0, len(above) - 3), len(above))
    for k in candidates:
        if k < cursor[0]:
            continue
        text = texts[k].text
        lo = cursor[1] if k == cursor[0] else 0
        best: tuple[int, int, bool] | None = None
        for idx, rx in enumerate(patterns):
            for m in rx.finditer(text, lo):
                if any(a < m.end() and m.start() < b for a, b in taken.get(k, [])):
                    continue
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end(), body.n.isdigit() and idx == len(patterns) - 1)
                break
        if best is not None:
            return k, best[0], best[1], best[2]
    return None


#: A lettered note body standing under its call: "a The title of the document has been partially used."
_LETTERED = re.compile(r"^(?P<n>[a-z])\s+[A-Z\[(\"“]")


def lettered_bodies(blocks: list[Labelled]) -> list[str]:
    """A short line that opens with a lone lower-case letter, just below a block where that letter is
    glued to a word as a call ("... KrollB" / "b Underlining by typewriter ..."), is that call's note
    body, whatever the labeller said (an editor's lettered notes set between the text's paragraphs)."""
    out: list[str] = []
    kept = [b for b in blocks if not b.aside]
    for i, b in enumerate(kept):
        m = _LETTERED.match(b.text)
        if m is None or b.label not in ("p", "heading", "opener") or len(b.one_line) > 300:
            continue
        above = kept[max(0, i - 2) : i]
        call = re.compile(rf"\b[A-Z][a-z]{{2,}}{m['n']}(?=[\s.,;:)]|$)")
        if any(call.search(x.text) for x in above if x.label != "note"):
            out.append(f"line {b.seg.line}: note (a lettered body under its call), not {b.label}")
            b.label = "note"
    return out

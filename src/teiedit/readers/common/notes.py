"""Pair footnote markers with their note bodies, wherever the source put them.

A marker (``[1]`` glued to a word, ``<sup>5</sup>``) whose body is found becomes ``note[@place="foot"][@n]``
at the marker, holding the body's text without its label; the marker and the label are recorded as
``label`` spans and the body as a ``moved`` span, so that the round trip can give back the source order.
A marker without a body stays in the text as it was (``[3]``) or as ``hi[@rend="sup"]``; a body without
a marker becomes ``note[@type="orphan"]`` in ``back/div[@type="notes"]``. Both are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.document import E, append_text
from teiedit.readers.base import Span, context_before
from teiedit.readers.common.lines import BRACKET_ANCHOR, SUP_ANCHOR, Block


@dataclass
class NoteBody:
    n: str
    label: str  # the label as written ("[1]", "1.", "1")
    text: str  # the body without its label
    line: int
    used: bool = False


@dataclass
class NoteLinker:
    """Holds note bodies by number and turns running text with markers into TEI mixed content."""

    bodies: dict[str, NoteBody] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    orphan_markers: list[dict[str, object]] = field(default_factory=list)
    anchor: re.Pattern[str] = BRACKET_ANCHOR

    def add_body(self, n: str, label: str, text: str, line: int) -> None:
        if n not in self.bodies:
            self.bodies[n] = NoteBody(n, label, text, line)

    def fill(self, el: etree._Element, text: str, line: int) -> etree._Element:
        """Append ``text`` to ``el`` as mixed content, replacing markers whose body is known by notes."""
        pos = 0
        last: etree._Element | None = el[-1] if len(el) else None  # text goes after what is there
        for m in self.anchor.finditer(text):
            n = m["n"]
            append_text(el, last, text[pos : m.start()])
            here = line + text.count("\n", 0, m.start())
            body = self.bodies.get(n)
            if body is not None and not body.used:
                body.used = True
                note = E.note(body.text, place="foot", n=n)
                self.spans.append(
                    Span(
                        here,
                        m.group(0).strip(),
                        "label",
                        context_before(
                            text, m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                        ),
                    )
                )
                self.spans.append(Span(body.line, body.label, "label"))
                self.spans.append(Span(body.line, body.text, "moved"))
            else:
                self.orphan_markers.append(
                    {"n": n, "line": here, "kind": "marker without a note body"}
                )
                if m.group(0).lstrip().startswith("<sup>"):
                    note = E.hi(n, rend="sup")
                    lead = m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())]
                    append_text(el, last, lead)
                    at = m.start() + len(lead)
                    self.spans.append(Span(here, "<sup>", "label", context_before(text, at)))
                    self.spans.append(
                        Span(here, "</sup>", "label", context_before(text, m.end() - 6))
                    )
                else:
                    append_text(el, last, m.group(0))
                    pos = m.end()
                    continue
            el.append(note)
            last = note
            pos = m.end()
        append_text(el, last, text[pos:])
        return el

    def orphan_bodies(self) -> list[NoteBody]:
        return [b for b in self.bodies.values() if not b.used]

    def orphan_report(self) -> list[dict[str, object]]:
        return [
            *self.orphan_markers,
            *(
                {
                    "n": b.n,
                    "line": b.line,
                    "kind": "note body without a marker",
                    "text": b.text[:120],
                }
                for b in self.orphan_bodies()
            ),
        ]


def orphan_note(body: NoteBody) -> etree._Element:
    """An unmatched note body, kept whole (its label is in the text: nothing of it moves)."""
    return E.note(body.label + _sep(body) + body.text, type="orphan", n=body.n)


def _sep(body: NoteBody) -> str:
    return "" if body.label.startswith("[") else " "


def bracket_bodies(blocks: list[Block]) -> list[tuple[Block, str, str, str]]:
    """Blocks that are note bodies written ``[n]text``: (block, n, label, text)."""
    from teiedit.readers.common.lines import BRACKET_NOTE

    out = []
    for b in blocks:
        m = BRACKET_NOTE.match(b.text)
        if m:
            out.append((b, m["n"], m["label"], b.text[len(m["label"]) :].lstrip()))
    return out


__all__ = ["SUP_ANCHOR", "NoteBody", "NoteLinker", "bracket_bodies", "orphan_note"]

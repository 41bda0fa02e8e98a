"""A letter's salutation inside its first block of text, where the capture lost its line breaks.

A page flattened onto one line (a run-on capture) gives the labeller one block for the letter's top
lines, its salutation and its first sentences ("From: ... To: ... Private My dear Sir, Philadelphia ...
I have given ..."). When a document has no salutation yet and a salutation's shape stands near the start
of its first paragraph, the block is cut there (offsets kept): the words before it are a top line of the
document, the salutation is one, and the text follows. Nothing here knows a site.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.segment_type import Segment

#: "My dear Sir,", "Dear A. M.,", "Esteemed Alexander Stepanovich,", "**Dear Kugelmann**" inside a line,
#: with running text (a capital) after it.
_INNER_SALUTE = re.compile(
    r"(?<=\s)(?P<salute>(?:\*\*)?(?:My\s+dear(?:est)?|Dear(?:est)?|Esteemed|Respected|Honou?red)\s+"
    r"(?:[A-Z][\w.'’-]*\s?){1,4}?(?:[,:!]|\*\*)\**)\s+(?=[A-Z\"“‘(])"
)
#: How far into the first paragraph the salutation may stand (the top lines before it are short).
_WITHIN = 300


def inner_salutation(blocks: list[Labelled]) -> list[str]:
    """Cut the first paragraph at a salutation near its start, when no salutation came before it."""
    for i, b in enumerate(blocks):
        if b.aside or b.label in SET_ASIDE:
            continue
        if b.label == "salute":
            return []
        if b.label != "p":
            continue
        m = _INNER_SALUTE.search(b.text, 0, _WITHIN + 80)
        if m is None or m.start() > _WITHIN or len(b.text) - m.end() < 40:
            return []
        pieces = [
            (0, m.start("salute"), "opener"),
            (m.start("salute"), m.end("salute"), "salute"),
            (m.end(), len(b.text), "p"),
        ]
        new = []
        for a, z, label in pieces:
            chunk = b.text[a:z]
            lead = len(chunk) - len(chunk.lstrip())
            a, z = a + lead, a + len(chunk.rstrip())
            if z > a:
                new.append(
                    Labelled(
                        seg=_piece(b.seg, a, z),
                        label=label,
                        confidence=b.confidence,
                        marginals=dict(b.marginals),
                    )
                )
        blocks[i : i + 1] = new
        return [f"line {b.seg.line}: salutation cut from inside the first paragraph"]
    return []


def _piece(seg: Segment, a: int, z: int) -> Segment:
    """The stretch ``seg.text[a:z]`` as a segment of its own (offsets into the source kept)."""
    return seg.stretch(
        a,
        z,
        blank_before=seg.blank_before and a == 0,
        blank_after=seg.blank_after and z == len(seg.text),
        line_start=seg.line_start and a == 0,
    )

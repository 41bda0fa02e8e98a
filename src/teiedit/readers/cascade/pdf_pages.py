"""The text of a PDF's pages among their furniture: a paragraph between running heads, a drop cap.

Text extracted from printed pages puts a page's running head and number between two paragraphs of the
text; a labeller that has not seen the layout may take the paragraph after a running head for furniture
too. A paragraph of prose (long, sentences, no furniture shape) with the text on both sides is text.
A large initial letter (a drop cap) comes out as a line of its own ("W" over "HEN the mission closed"):
it is the first letter of the paragraph under it, and joins it (the repair pass then reads "WHEN").
Nothing here knows a site or a publication.
"""

from __future__ import annotations

import re
from dataclasses import replace

from teiedit.readers.cascade.labels import SET_ASIDE
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block

#: A paragraph of prose: this long at least, ending as a sentence.
_PROSE = 80
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]?$")
#: The rest of a word after a drop cap: capitals, then the paragraph's words ("HEN the trade ...").
_AFTER_CAP = re.compile(r"^[A-Z]{1,12}\b[ \t]+\S")


def apply(blocks: list[Labelled], source: str) -> list[str]:
    """Every rule in order; the decisions they took."""
    return drop_caps(blocks, source) + prose_between_text(blocks)


def prose_between_text(blocks: list[Labelled]) -> list[str]:
    """A block taken for furniture that is a paragraph of prose, with text on both sides, is text."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if b.label != "furniture" or b.aside or not _prose(b):
            continue
        before = _neighbour(blocks, range(i - 1, -1, -1))
        after = _neighbour(blocks, range(i + 1, len(blocks)))
        if before is None or after is None or before.label != "p" or after.label != "p":
            continue
        if boilerplate_reason(Block(b.seg.line, b.text)) or b.marginals.get("p", 1.0) < 0.05:
            continue
        b.label = "p"
        out.append(f"line {b.seg.line}: furniture -> p (prose between paragraphs of the text)")
    return out


def drop_caps(blocks: list[Labelled], source: str) -> list[str]:
    """A capital letter alone on its line over a paragraph that starts with capitals joins it."""
    out: list[str] = []
    i = 0
    while i + 1 < len(blocks):
        cap, text = blocks[i], blocks[i + 1]
        if (
            len(cap.text.strip()) == 1
            and cap.text.strip().isupper()
            and not cap.aside
            and not text.aside
            and text.seg.line == cap.seg.end_line + 1
            and not cap.seg.blank_after
            and text.label in ("p", "summary")
            and _AFTER_CAP.match(text.text)
            and source[cap.seg.end : text.seg.start].isspace()
        ):
            seg = replace(
                text.seg,
                start=cap.seg.start,
                text=source[cap.seg.start : text.seg.end],
                line=cap.seg.line,
                blank_before=cap.seg.blank_before,
                page_before=cap.seg.page_before,
                lines=text.seg.lines + 1,
                indent=cap.seg.indent,
                physical=cap.seg.physical,
            )
            blocks[i : i + 2] = [replace(text, seg=seg)]
            out.append(f"line {cap.seg.line}: a drop cap joined to the paragraph under it")
        i += 1
    return out


def _neighbour(blocks: list[Labelled], order: range) -> Labelled | None:
    """The nearest block in ``order`` that is not set aside (page furniture is skipped)."""
    for k in order:
        b = blocks[k]
        if not b.aside and b.label not in SET_ASIDE:
            return b
    return None


def _prose(b: Labelled) -> bool:
    one = b.one_line
    return (
        len(one) >= _PROSE
        and len(one.split()) >= 12
        and one[:1].isupper()
        and bool(_SENTENCE_END.search(one))
    )

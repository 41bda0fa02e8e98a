"""Label + value panels and letter formulas: the few roles that a line's own words settle.

The labeller weighs every cue; these rules only overrule it where the source says what a block is in so
many words, whatever the site:
- a page panel's label and its value: "Source: ...", "[Source: ...]", "Citation: ..." (or the label on
  its own line, the value on the next) is the archival or bibliographic citation, never furniture, and the
  label word never becomes the repository; "Summary" / "Abstract" over a paragraph is a summary;
- a letter's formulas at the edges of its text: a salutation ("Dear ...,", "Sir", "[To] X:") before the
  first paragraph, a closing formula ("Yours", "Respectfully,") after the last one, and a short name right
  after that closing (the signature).
Each change is returned for the conversion report.
"""

from __future__ import annotations

import re

from teiedit.readers.cascade.features import _CLOSING, _NAME_TOKEN, _SALUTE
from teiedit.readers.cascade.model import Labelled

_SOURCE = re.compile(
    r"^\[?\s*(?:sources?|citation|cite as|original archive)\s*:\s*\S", re.IGNORECASE
)
_SOURCE_LABEL = re.compile(r"^\[?\s*(?:sources?|citation|cite as)\s*:?\]?\s*$", re.I)
_SUMMARY_LABEL = re.compile(
    r"^[#\s]*(?:summary|abstract|résumé|resumen|zusammenfassung)\s*:?\s*$", re.I
)
_BODY = ("p", "item")


def apply(blocks: list[Labelled]) -> list[str]:
    """Relabel the blocks the rules settle; what changed, for the report."""
    changes: list[str] = []

    def relabel(b: Labelled, label: str, why: str) -> None:
        b.relabel(label, why, changes)

    body = [i for i, b in enumerate(blocks) if b.label in _BODY]
    first = body[0] if body else len(blocks)
    last = body[-1] if body else -1
    for i, b in enumerate(blocks):
        text = b.one_line
        if len(text) <= 600 and _SOURCE.match(text) and b.label not in ("note",):
            relabel(b, "citation", "a source panel")
        elif _SOURCE_LABEL.match(text) and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            if len(nxt.one_line) <= 600 and nxt.label not in ("title", "heading"):
                relabel(b, "furniture", "the label of a source panel")
                relabel(nxt, "citation", "the value of a source panel")
        elif _SUMMARY_LABEL.match(text) and i + 1 < len(blocks):
            nxt = blocks[i + 1]
            letters = sum(c.isalpha() for c in nxt.one_line[:200])
            if nxt.label in ("p", "meta", "furniture") and letters >= 40:
                if b.label in ("p", "meta", "opener"):
                    relabel(b, "heading", "the label of a summary panel")
                relabel(nxt, "summary", "the value of a summary panel")
        elif i < first and len(text) <= 80 and _SALUTE.match(text) and b.label in ("p", "opener"):
            if i + 1 == first or (i + 1 < len(blocks) and blocks[i + 1].label in _BODY):
                relabel(b, "salute", "a salutation before the text")
        elif i > last and len(text) <= 120 and _CLOSING.match(text) and b.label in ("p", "opener"):
            relabel(b, "closer", "a closing formula after the text")
        if (
            i > last >= 0
            and b.label in ("p", "opener", "byline", "heading")
            and i > 0
            and blocks[i - 1].label == "closer"
            and _name_like(text)
        ):
            relabel(b, "signed", "a name after the closing formula")
    return changes


def _name_like(text: str) -> bool:
    words = text.strip("*_ ").split()
    return 1 <= len(words) <= 5 and len(text) <= 60 and all(_NAME_TOKEN.match(w) for w in words)

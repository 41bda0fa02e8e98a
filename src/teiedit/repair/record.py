"""One repair of PDF-extraction damage, and the character that separates blocks of one text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Repair:
    """One repaired span: ``text[start:end]`` (the damaged original) should read ``reading``."""

    start: int
    end: int
    original: str
    reading: str
    #: shift | letterspace | ligature | quote | hyphenation | debris
    type: str
    #: high | medium | low
    cert: str
    #: How the reading was reached (for the report): e.g. "decoded", "ligature", "near-word (1 edit)".
    method: str

    def to_json(self) -> dict[str, object]:
        return {
            "original": self.original,
            "reading": self.reading,
            "type": self.type,
            "cert": self.cert,
            "method": self.method,
        }


#: Stands between two blocks of one text (the items of a list inside a paragraph-like element): white space
#: to the finders, never part of a word, not a line break (no hyphenation is joined across it).
BLOCK_BREAK = "\u2029"

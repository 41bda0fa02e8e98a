"""One repair of PDF-extraction damage, and the character that separates blocks of one text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate


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


class Spans:
    """Character spans already taken by repairs, asked whether a new span overlaps one (in log time).

    A finder asks this for every token of a paragraph; scanning the list of repairs for each token made a
    paragraph with many repairs cost their product.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        #: The furthest end among the spans up to each one (in the order of their starts).
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``(a, b)`` has ``a < end`` and ``start < b``."""
        i = bisect_left(self._starts, end)  # the spans starting before ``end``
        return i > 0 and self._reach[i - 1] > start

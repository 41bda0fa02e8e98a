"""Page stamps run into the text: cut out of the segment that holds them, so that they are set aside.

A declassified scan carries its release stamp on every page, and its text extraction runs the stamp into
the sentences around it. The stamp has one shape wherever it is printed; the segmenter cuts it out of
any segment (offsets kept), and the furniture shapes (``common.boilerplate``) then set it aside.
"""

from __future__ import annotations

import re

#: A declassified scan's release stamp, printed on each of its pages and run into the text by its
#: extraction ("[Sanitized Copy] Approved for Release 2010/07/21 : CIA-RDP90-00806R000200700045-3").
_RELEASE = re.compile(
    r"approved\s+for\s+release\s+\d{4}/\d{1,2}/\d{1,2}\s*:\s*[A-Z]{2,6}(?:-[A-Z0-9]+)+", re.I
)
#: The words that may stand before "Approved for Release" in such a stamp (matched up to its start).
_RELEASE_HEAD = re.compile(
    r"(?:(?:declassified(?:\s+in\s+part)?\s*-\s*)?(?:sanitized|declassified)\s+(?:copy\s+)?"
    r"(?:and\s+)?)$",
    re.I,
)


def stamp_pieces(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` (outer white space excluded) that the page stamps in it cut it into:
    the text before each stamp, the stamp, the text after it; ``[(0, len(text))]`` when it has none
    or is one."""
    spans = []
    for m in _RELEASE.finditer(text):
        head = _RELEASE_HEAD.search(text, max(0, m.start() - 60), m.start())
        spans.append((head.start() if head else m.start(), m.end()))
    if not spans:
        return [(0, len(text))]
    cuts = sorted({0, len(text), *(c for span in spans for c in span)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            pieces.append((a, b))
    return pieces


def is_stamp(text: str) -> bool:
    """Whether ``text`` is a page stamp and nothing else."""
    m = _RELEASE.search(text)
    return m is not None and stamp_pieces(text) == [(0, len(text))]

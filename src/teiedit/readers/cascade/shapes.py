"""Shapes of labelled blocks that assembly reads: stamps and distribution lists (runs of blocks), and
the kind of a line of a document's top (translation statement, classification mark)."""

from __future__ import annotations

from teiedit.readers.cascade.model import Labelled
from teiedit.readers.common.lines import CLASSIFICATION, DISTRIBUTION_HEAD, STAMP, TRANSLATION


def ab_runs(kept: list[Labelled]) -> dict[int, tuple[str, int]]:
    """Stamps ("[Stamp: ... ]", up to the closing bracket) and distribution lists (a head, then short
    lines) by the index of their first block: (kind, number of blocks)."""
    runs: dict[int, tuple[str, int]] = {}
    i = 0
    while i < len(kept):
        first = kept[i].one_line
        n = 0
        if STAMP.match(first) and len(first) <= 200:
            depth = 0
            while i + n < len(kept) and n < 6:
                depth += kept[i + n].text.count("[") - kept[i + n].text.count("]")
                n += 1
                if depth <= 0:
                    break
            runs[i] = ("stamp", n)
        elif DISTRIBUTION_HEAD.match(first) and len(first) <= 80:
            n = 1
            while i + n < len(kept) and _list_line(kept[i + n].text):
                n += 1
            runs[i] = ("distribution", n)
        i += max(n, 1)
    return runs


def _list_line(text: str) -> bool:
    return all(len(ln.strip()) <= 60 for ln in text.splitlines()) and not text.rstrip().endswith(
        "."
    )


def opener_type(text: str) -> str:
    """The kind of a top line: a translation statement, a classification mark, or another top line."""
    if TRANSLATION.match(text):
        return "translation"
    if CLASSIFICATION.match(text) and len(text) <= 120:
        return "classification"
    return "opener"

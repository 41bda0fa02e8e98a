"""Mangled quotation marks and apostrophes at the edges of words.

A broken font turns ``"`` and ``'`` into letters from other alphabets (``ø``, ``õ``, ``ö``, ``ō``, ``δ``). Inside
damaged (shifted) text no such letter can be genuine, so at the start of a word it is read as an opening quote,
at the end as a closing one; inside a word ``ligature.resolve`` decides (``didnøt`` -> ``didn't``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from teiedit.repair.model import EnglishModel
from teiedit.repair.record import Repair, Spans

OPEN_QUOTE = "“"
CLOSE_QUOTE = "”"


def edge_reading(ch: str, *, opening: bool) -> str:
    """The reading of a debris character found at the edge of a word in damaged text."""
    return OPEN_QUOTE if opening else CLOSE_QUOTE


def is_debris(ch: str) -> bool:
    """A character that shifted text cannot contain: anything outside ASCII that is not whitespace."""
    return not ch.isascii() and not ch.isspace()


#: A quoted stretch in clean text is at most this many words long.
MAX_QUOTED_WORDS = 8
#: The glyph first, then that it starts a token (the white space before it looked behind for): a pattern
#: that starts with a class of characters is searched by skipping to them in C, while one that starts by
#: looking behind was tried at every character of the text.
_QUOTED = re.compile(
    r"([^\x00-\x7f\s])(?<!\S.)([A-Za-z][^\s]*?(?:\s+[^\s]+?){0,"
    + str(MAX_QUOTED_WORDS - 1)
    + r"})\1(?=[\s.,;:!?)]|$)"
)


def find_in_clean_text(text: str, model: EnglishModel, taken: Spans) -> Iterator[Repair]:
    """Pairs of one debris glyph around English words in clean text (``ōbossō`` -> ``“boss”``), type ``quote``.

    Only the same glyph at both ends of an ASCII stretch of known English words is read as quotation marks;
    a single accented letter at the edge of a word (``née``) is left alone.
    """
    for m in _QUOTED.finditer(text):
        a, b = m.span()
        if taken.overlaps(a, b):
            continue
        glyph, inner = m.group(1), m.group(2)
        if glyph.isascii() or not inner.isascii():
            continue
        words = re.findall(r"[A-Za-z]+", inner)
        if not words or not all(model.known(w) >= 1e-6 for w in words):
            continue
        yield Repair(
            a,
            b,
            m.group(0),
            OPEN_QUOTE + inner + CLOSE_QUOTE,
            "quote",
            "medium",
            "a pair of debris glyphs around English words",
        )

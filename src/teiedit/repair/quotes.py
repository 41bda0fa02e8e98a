"""Mangled quotation marks and apostrophes at the edges of words.

A broken font turns ``"`` and ``'`` into letters from other alphabets (``ø``, ``õ``, ``ö``, ``ō``, ``δ``). Inside
damaged (shifted) text no such letter can be genuine, so at the start of a word it is read as an opening quote,
at the end as a closing one; inside a word ``ligature.resolve`` decides (``didnøt`` -> ``didn't``).
"""

from __future__ import annotations

OPEN_QUOTE = "“"
CLOSE_QUOTE = "”"


def edge_reading(ch: str, *, opening: bool) -> str:
    """The reading of a debris character found at the edge of a word in damaged text."""
    return OPEN_QUOTE if opening else CLOSE_QUOTE


def is_debris(ch: str) -> bool:
    """A character that shifted text cannot contain: anything outside ASCII that is not whitespace."""
    return not ch.isascii() and not ch.isspace()

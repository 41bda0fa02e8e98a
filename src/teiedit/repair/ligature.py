"""Ligature debris: one glyph standing for ``fi``, ``fl``, ``ff``, ``ffi`` or ``ffl``.

A font that draws ``fi`` as one glyph extracts it as whatever its broken table says: ``Ł``, ``ł``, ``ħ`` or, in a
shifted font, a capital letter inside a lowercase word (``qhLekcnu`` for ``officials``: ``L`` is the ligature).
Which ligature a placeholder stands for is decided by the word list: every reading is tried and the most frequent
known word wins (``Łeld`` -> ``field``, ``Łatterers`` -> ``flatterers``). An apostrophe is tried too, since the same
fonts mangle ``'`` (``didnøt``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import product

from teiedit.repair.model import EnglishModel
from teiedit.repair.record import Repair, Spans

LIGATURES = ("fi", "fl", "ff", "ffi", "ffl", "f")
#: Ligatures a plain letter of a decoded word may stand for (a font's ``tt`` glyph extracts as one letter:
#: ``Handwriuen`` is ``Handwritten``).
IN_PLACE = (*LIGATURES, "tt")
#: Readings tried for a placeholder inside a word.
INNER_READINGS = (*LIGATURES, "'")
#: At most this many placeholders per word are resolved jointly (the readings multiply).
MAX_PLACEHOLDERS = 3


def placeholder_positions(word: str) -> list[int]:
    """Indexes of characters that cannot belong to the word as it stands.

    A character outside ASCII in an otherwise ASCII word, or a capital letter between two lowercase letters
    (the shape a ligature takes in a shifted font).
    """
    found: list[int] = []
    for i, ch in enumerate(word):
        if not ch.isascii() or (
            ch.isupper()
            and 0 < i < len(word) - 1
            and word[i - 1].islower()
            and word[i + 1].islower()
        ):
            found.append(i)
    return found


def readings(word: str) -> list[str]:
    """Every reading of ``word`` with its placeholders replaced (none if there are too many)."""
    positions = placeholder_positions(word)
    if not positions or len(positions) > MAX_PLACEHOLDERS:
        return []
    out: list[str] = []
    options = [
        (*INNER_READINGS, word[p].lower()) if word[p].isascii() else INNER_READINGS
        for p in positions
    ]
    for choice in product(*options):
        chars = list(word)
        for pos, reading in zip(positions, choice, strict=True):
            chars[pos] = reading
        out.append("".join(chars))
    return out


def resolve(word: str, model: EnglishModel) -> str | None:
    """The most frequent known word ``word`` can be with its placeholders read as ligatures, or None."""
    positions = placeholder_positions(word)
    if not positions or len(positions) > MAX_PLACEHOLDERS:
        return None
    best, best_f = None, 0.0
    for readings in product(INNER_READINGS, repeat=len(positions)):
        chars = list(word)
        for pos, reading in zip(positions, readings, strict=True):
            chars[pos] = reading
        cand = "".join(chars)
        f = model.known(cand)
        if f > best_f:
            best, best_f = cand, f
    return best


#: A character outside ASCII (and not white space): every placeholder is one.
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_TOKEN_REST = re.compile(r"\S*")


def glyph_tokens(text: str) -> list[tuple[int, int]]:
    """The spans of the whitespace-separated tokens of ``text`` that hold a character outside ASCII.

    Found from those characters, which the search skips to in C, and widened to their tokens: a pattern
    for the whole token was tried at the start of every token of the text (most of them plain ASCII).
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    search, rest = _NON_ASCII.search, _TOKEN_REST.match
    while (m := search(text, pos)) is not None:
        start = at = m.start()
        while start > pos and not text[start - 1].isspace():  # back to the token's start
            start -= 1
        found = rest(text, at)  # on to its end (the next search starts there: one span a token)
        assert found is not None  # \S* matches everywhere
        end = found.end()
        spans.append((start, end))
        pos = end
    return spans


_EDGE_PUNCT = ".,;:!?()[]\"'“”‘’"


def find_in_clean_text(text: str, model: EnglishModel, taken: Spans) -> Iterator[Repair]:
    """Ligature glyphs inside otherwise plain words of clean text (``Łeld`` -> ``field``), type ``ligature``.

    Only a word that is ASCII but for its placeholders, unknown as it stands and a known English word once
    read (so Polish ``Łódź`` or ``Wałęsa`` stay as they are); placeholders are letters that are no accented
    form of another letter (``Ł``, ``ħ``, ``ø``), so romanised ``Yŏm`` stays too.
    """
    for a, b in glyph_tokens(text):  # a placeholder is never ASCII: tokens without one are skipped
        tok = text[a:b]
        if taken.overlaps(a, b):
            continue
        word = tok.strip(_EDGE_PUNCT)
        if not word or word.isascii() or model.known(word):
            continue
        positions = placeholder_positions(word)
        if not positions or not all(_glyph_like(word[p]) for p in positions):
            continue
        rest = "".join(c for i, c in enumerate(word) if i not in positions)
        if len(rest) < 2 or not rest.isascii() or not rest.replace("'", "").isalpha():
            continue
        resolved = resolve(word, model)
        if not resolved or model.known(resolved) < MIN_KNOWN:
            continue
        start = a + tok.index(word)
        apostrophe = resolved.count("'") - word.count("'") == len(
            positions
        )  # every glyph read as ' (didnøt)
        yield Repair(
            start,
            start + len(word),
            word,
            resolved,
            "quote" if apostrophe else "ligature",
            "high",
            "glyph read by the word list",
        )


def _glyph_like(ch: str) -> bool:
    """A letter that is no accented form of another (``Ł``, ``ħ``, ``ø``; not ``ŏ`` or ``é``, which
    romanised names and other languages use as letters)."""
    return not ch.isascii() and ch.isalpha() and not unicodedata.decomposition(ch)


#: A ligature reading in clean text must be a word at least this frequent.
MIN_KNOWN = 1e-8

"""Ligature debris: one glyph standing for ``fi``, ``fl``, ``ff``, ``ffi`` or ``ffl``.

A font that draws ``fi`` as one glyph extracts it as whatever its broken table says: ``Ł``, ``ł``, ``ħ`` or, in a
shifted font, a capital letter inside a lowercase word (``qhLekcnu`` for ``officials``: ``L`` is the ligature).
Which ligature a placeholder stands for is decided by the word list: every reading is tried and the most frequent
known word wins (``Łeld`` -> ``field``, ``Łatterers`` -> ``flatterers``). An apostrophe is tried too, since the same
fonts mangle ``'`` (``didnøt``).
"""

from __future__ import annotations

from itertools import product

from teiedit.repair.model import EnglishModel

LIGATURES = ("fi", "fl", "ff", "ffi", "ffl", "f")
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
        if not ch.isascii():
            found.append(i)
        elif (
            ch.isupper() and 0 < i < len(word) - 1 and word[i - 1].islower() and word[i + 1].islower()
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
        (*INNER_READINGS, word[p].lower()) if word[p].isascii() else INNER_READINGS for p in positions
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

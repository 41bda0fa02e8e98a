"""Shifted encodings: a font whose glyphs map to character codes ``k`` places too high.

A PDF whose font carries a broken encoding extracts ``the`` as ``vjg`` (every code point two higher), the space
as ``"`` and the full stop as ``0``. Undoing it is a subtraction; which ``k`` applies is decided by evidence:
the offset whose decoded text the English model likes best (``best_shift``).

Typesetting software often turns the shifted space ``"`` into a curly quote, so ``”`` and ``“`` are read as
``"`` before shifting back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from teiedit.repair.model import EnglishModel

#: Offsets tried by ``best_shift`` (both directions: some encodings are too low, not too high).
CANDIDATE_SHIFTS = tuple(k for k in range(-5, 6) if k != 0)

#: At most this many suspect tokens are scored per offset (the first ones of the document).
SAMPLE = 300
#: See ``best_shift``.
CLEAR_GAIN = 12.0
MIN_TOKENS = 3
MIN_SHARE = 0.05

#: Curly quotes that stand for a shifted space once a typesetter "smartened" the quotes.
SMART_SPACE = frozenset("“”")
#: a sign between two letters that no English word has there: a reading with one ("A]st") is not the
#: font's text under that offset
ODD_INSIDE = re.compile(r"[A-Za-z][\[\]{}<>\\^`|~][A-Za-z]")


def is_shifted_space(ch: str, k: int) -> bool:
    """True when ``ch`` is what the space becomes under shift ``k``."""
    return ch in SMART_SPACE or (ord(ch) == 0x20 + k)


@lru_cache(maxsize=32)
def shifted_spaces(k: int) -> frozenset[str]:
    """Every character ``is_shifted_space`` is true of under shift ``k`` (asked of whole words at once)."""
    return SMART_SPACE | {chr(0x20 + k)}


@lru_cache(maxsize=32)
def _table(k: int) -> dict[int, str]:
    table = {o: chr(o - k) for o in range(0x21, 0x7F) if 0x20 <= o - k <= 0x7E}
    for ch in SMART_SPACE:
        table[ord(ch)] = table.get(ord('"'), '"')
    return table


def decode_char(ch: str, k: int) -> str:
    """One character shifted back by ``k``; characters outside printable ASCII are left as they are."""
    return ch.translate(_table(k))


def decode(s: str, k: int) -> str:
    """Shift every printable ASCII character of ``s`` back by ``k`` (whitespace is kept)."""
    return s.translate(_table(k))


def decode_with_spaces(s: str, k: int, spaces: frozenset[str]) -> str:
    """``decode``, with each of ``spaces`` read as a space."""
    return s.translate(_spaced_table(k, spaces))


@lru_cache(maxsize=256)
def _spaced_table(k: int, spaces: frozenset[str]) -> dict[int, str]:
    return {**_table(k), **{ord(c): " " for c in spaces}}


def best_shift(tokens: list[str], model: EnglishModel) -> tuple[int, int]:
    """The offset under which most of ``tokens`` (suspect words) become clearly more English-like.

    A token counts for an offset when its reading under that offset is cheaper by ``CLEAR_GAIN`` nats than
    under any other offset and than the token as it stands. The offset
    with most such tokens wins if they are at least ``MIN_TOKENS`` and ``MIN_SHARE`` of the suspects (names
    in clean text occasionally shift into a word: ``JCP`` -> ``HAN``; a shifted font does it wholesale).
    Returns ``(k, count)``, or ``(0, 0)`` when no offset qualifies. At most ``SAMPLE`` suspects, spread over
    the document, are scored.
    """
    if not tokens:
        return 0, 0
    step = max(1, len(tokens) // SAMPLE)
    wins: dict[int, int] = {}
    cache = model.shift_costs
    if len(cache) > 100_000:
        cache.clear()
    for t in tokens[::step]:
        costs = cache.get(t)  # every document of an edition has its suspects (names) scored again
        if costs is None:
            costs = cache[t] = {k: model.text_cost(decode(t, k)) for k in (0, *CANDIDATE_SHIFTS)}
        winner = min(costs, key=lambda k: costs[k])
        runner_up = min(c for k, c in costs.items() if k != winner)
        reading = decode(t, winner)
        if winner and costs[winner] < runner_up - CLEAR_GAIN and not ODD_INSIDE.search(reading):
            # a token of several shifted words (glued by shifted spaces) counts once per word
            wins[winner] = wins.get(winner, 0) + len(reading.split())
    sample = len(tokens[::step])
    best_k, best_n = max(wins.items(), key=lambda kv: kv[1], default=(0, 0))
    if best_n < MIN_TOKENS or best_n < MIN_SHARE * sample:
        return 0, 0
    return best_k, best_n

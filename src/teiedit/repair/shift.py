"""Shifted encodings: a font whose glyphs map to character codes ``k`` places too high.

A PDF whose font carries a broken encoding extracts ``the`` as ``vjg`` (every code point two higher), the space
as ``"`` and the full stop as ``0``. Undoing it is a subtraction; which ``k`` applies is decided by evidence:
the offset whose decoded text the English model likes best (``best_shift``).

Typesetting software often turns the shifted space ``"`` into a curly quote, so ``”`` and ``“`` are read as
``"`` before shifting back.
"""

from __future__ import annotations

from teiedit.repair.model import EnglishModel

#: Offsets tried by ``best_shift`` (both directions: some encodings are too low, not too high).
CANDIDATE_SHIFTS = tuple(k for k in range(-6, 7) if k != 0)

#: Curly quotes that stand for a shifted space once a typesetter "smartened" the quotes.
SMART_SPACE = frozenset("“”")


def is_shifted_space(ch: str, k: int) -> bool:
    """True when ``ch`` is what the space becomes under shift ``k``."""
    return ch in SMART_SPACE or (ord(ch) == 0x20 + k)


def decode_char(ch: str, k: int) -> str:
    """One character shifted back by ``k``; characters outside printable ASCII are left as they are."""
    if ch in SMART_SPACE:
        ch = '"'
    o = ord(ch)
    if 0x21 <= o <= 0x7E and 0x20 <= o - k <= 0x7E:
        return chr(o - k)
    return ch


def decode(s: str, k: int) -> str:
    """Shift every printable ASCII character of ``s`` back by ``k`` (whitespace is kept)."""
    return "".join(ch if ch.isspace() else decode_char(ch, k) for ch in s)


def best_shift(tokens: list[str], model: EnglishModel, *, min_gain: float = 2.0) -> tuple[int, float]:
    """The offset under which ``tokens`` (suspect words) become most English-like, and the gain in nats/token.

    Returns ``(0, 0.0)`` when no offset beats the text as it stands by ``min_gain`` nats per token.
    """
    if not tokens:
        return 0, 0.0
    base = sum(model.text_cost(t) for t in tokens)
    best_k, best_gain = 0, 0.0
    for k in CANDIDATE_SHIFTS:
        cost = sum(model.text_cost(decode(t, k)) for t in tokens)
        gain = (base - cost) / len(tokens)
        if gain > best_gain:
            best_k, best_gain = k, gain
    if best_gain < min_gain:
        return 0, 0.0
    return best_k, best_gain

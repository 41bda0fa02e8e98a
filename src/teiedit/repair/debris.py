"""Raw PDF content-stream operators left in the text (``)-1(tsaid)-TJ/-1.266 -.316 TDd[(Cat)-37(he``).

Such debris is not text and cannot be repaired. The repair pass encodes it as a repair whose reading is an
omission: ``choice`` with the debris, every character, in ``sic`` (as ``seg type="pdf-debris"``) and a
``corr`` holding ``gap reason="damage"``; so the original reading keeps it and an edition prints a marked
omission instead of machine code.

Tokens are classed by their shape:

- *operator*: the syntax of a PDF content stream, a kerning array (``(text)-37(``), a text operator glued to
  its operand (``)-TJ``, ``834sTJ``, ``TDd[(``), a run of kerned glyphs whose brackets were lost
  (``CT-170ha-170he-170hl``). Only these start a damaged span.
- *fragment*: what such runs leave around them: a bare operand (``-.316``), a token mixing digits into
  letters (``2gua4``, ``Wo2ers'``), a bracket or parenthesis with digits (``ind39e(cas``), a lone bracket.
- *garble*: a lower-case run of letters the word model does not know (``tcnside``, ``itwrng``).

A span starts at an operator and takes in the fragments and garbles next to it; two spans at most ``GAP``
ordinary tokens apart make one. Fragments and garbles alone are never debris: a number or a name in prose is
safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from teiedit.repair.record import Repair

if TYPE_CHECKING:
    from teiedit.repair.model import EnglishModel

_SIGNATURE = re.compile(
    r"\)-?\d"  # the end of a kerned string followed by its adjustment: )-37
    r"|\d\([^\s)]"  # an adjustment followed by the next string: 54(ws
    r"|[\d)\]/]T[JDdjm*]"  # a text operator glued to its operand: )-TJ
    r"|\d[a-z]T[JDdjm*]"  # an operator after an operand and a stray glyph: 834sTJ
    r"|^T[JDd][a-z]?[\[(]"  # an operator glued to the next array: TDd[(
    r"|\[\("  # the start of a TJ array
    r"|(?:-\d{2,}[^\W\d_]{1,2}){3}"  # kerned glyphs whose brackets were lost: -170ha-170he-170hl
)
#: ``_SIGNATURE`` searched in a whole text: no alternative matches white space, so a token with the
#: signature makes the text match; without a match the text has no operator and so no debris. Every
#: alternative starts with one of the characters of the look-ahead: tested first, it fails fast at most
#: characters of prose, where each alternative was tried in turn.
_SIGNATURE_IN_TEXT = re.compile(
    r"(?=[)\d\]/T\[-])(?:" + _SIGNATURE.pattern.replace("|^T[JDd]", r"|(?<!\S)T[JDd]") + ")"
)
#: A bare operand (``-.316``).
_OPERAND = re.compile(r"^-?\d*\.\d{3}$")
#: Digits inside letters (``2gua4``, ``Wo2ers'``, ``f.xve4``) or brackets with digits (``ind39e(cas``).
_MIXED = re.compile(r"[^\W\d_]\d|\d[^\W\d_].*\d|[\d][()\[\]]|[()\[\]]\d")
_LONE = re.compile(r"^[()\[\]\-/]+$")
_GARBLE = re.compile(r"^[a-z]{2,}$")
_TOKEN = re.compile(r"\S+")
GAP = 2
#: Lower-case words between two spans (``es ehe he tens``) are bridged up to this many: prose between two
#: runs of operators would have a capital or a punctuation mark.
LOWER_GAP = 4

OPERATOR, FRAGMENT, GARBLE, WORD = "operator", "fragment", "garble", "word"


#: A reference to a clause, which looks like a kerned string: 5(1), 12(a)(ii).
_CLAUSE = re.compile(r"^\(?\d+(?:\([a-z0-9]{1,4}\))+[.,;:)]*$")


def is_debris_token(tok: str) -> bool:
    """A token with the syntax of a PDF content stream (a fragment alone does not count)."""
    return bool(_SIGNATURE.search(tok)) and not _CLAUSE.match(tok)


def token_class(tok: str, model: EnglishModel | None = None) -> str:
    """operator, fragment, garble or word (see the module's docstring); garble needs the word model."""
    if is_debris_token(tok):
        return OPERATOR
    if _OPERAND.match(tok) or _LONE.match(tok) or _MIXED.search(tok):
        return FRAGMENT
    if model is not None and _GARBLE.match(tok) and not model.known(tok):
        return GARBLE
    return WORD


def find_debris(text: str, model: EnglishModel | None = None) -> Iterator[Repair]:
    """Spans of ``text`` that are PDF operators and what they left around them, as repairs of type
    ``debris`` (the reading is empty: the passage is omitted)."""
    if not _SIGNATURE_IN_TEXT.search(text):
        return  # most texts: classing every token would find no operator
    tokens = [(m.start(), m.end(), token_class(m.group(0), model)) for m in _TOKEN.finditer(text)]
    spans: list[list[int]] = []  # [first token, last token]
    for i, (_, _, cls) in enumerate(tokens):
        if cls != OPERATOR:
            continue
        lo = i
        while lo > 0 and tokens[lo - 1][2] in (FRAGMENT, GARBLE):
            lo -= 1
        hi = i
        while hi + 1 < len(tokens) and tokens[hi + 1][2] in (FRAGMENT, GARBLE, OPERATOR):
            hi += 1
        if spans and _bridged(text, tokens, spans[-1][1], lo):
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    for lo, hi in spans:
        start, end = tokens[lo][0], tokens[hi][1]
        yield Repair(start, end, text[start:end], "", "debris", "high", "PDF content-stream syntax")


def _bridged(text: str, tokens: list[tuple[int, int, str]], last: int, first: int) -> bool:
    """Do the tokens between ``last`` and ``first`` join two spans into one?"""
    between = first - last - 1
    if between <= GAP:
        return True
    words = [text[a:b] for a, b, _ in tokens[last + 1 : first]]
    return between <= LOWER_GAP and all(_GARBLE.match(w) for w in words)

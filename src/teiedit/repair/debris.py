"""Raw PDF content-stream operators left in the text (``)-1(tsaid)-TJ/-1.266 -.316 TDd[(Cat)-37(he``).

Such debris is not text and cannot be repaired; it is marked (``seg type="pdf-debris"``) so that readers and
later passes can skip it, keeping every character. A token is debris when it shows the syntax of a PDF
content stream: a kerning array (``(text)-37(``), a text operator after a number or a bracket (``TJ``, ``TD``,
``Td``) or a bare operand with three decimals. Neighbouring debris tokens (at most ``GAP`` ordinary tokens apart)
make one span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from teiedit.repair.record import Repair

_SIGNATURE = re.compile(
    r"\)-?\d"  # the end of a kerned string followed by its adjustment: )-37
    r"|\d\([^\s)]"  # an adjustment followed by the next string: 54(ws
    r"|[\d)\]/]T[JDdjm*]"  # a text operator glued to its operand: )-TJ, 834sTJ
    r"|^T[JDd][a-z]?[\[(]"  # an operator glued to the next array: TDd[(
    r"|\[\("  # the start of a TJ array
)
#: A bare operand (``-.316``) is debris only next to other debris: alone it may be a number in prose.
_OPERAND = re.compile(r"^-?\d*\.\d{3}$")
_TOKEN = re.compile(r"\S+")
GAP = 2


def is_debris_token(tok: str) -> bool:
    """A token with the syntax of a PDF content stream (a bare operand alone does not count)."""
    return bool(_SIGNATURE.search(tok))


def find_debris(text: str) -> Iterator[Repair]:
    """Spans of ``text`` that are PDF operators, as repairs of type ``debris`` (the reading is empty)."""
    tokens = [
        (m.start(), m.end(), is_debris_token(m.group(0)) or bool(_OPERAND.match(m.group(0))))
        for m in _TOKEN.finditer(text)
    ]
    strong = {m.start() for m in _TOKEN.finditer(text) if is_debris_token(m.group(0))}
    i = 0
    while i < len(tokens):
        if not tokens[i][2]:
            i += 1
            continue
        j = i
        k = i + 1
        while k < len(tokens) and k - j <= GAP + 1:
            if tokens[k][2]:
                j = k
            k += 1
        start, end = tokens[i][0], tokens[j][1]
        if not any(tokens[t][0] in strong for t in range(i, j + 1)):
            i = j + 1
            continue
        yield Repair(start, end, text[start:end], "", "debris", "high", "PDF content-stream syntax")
        i = j + 1

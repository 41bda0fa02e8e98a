"""Words hyphenated across a line break (``lib-`` / ``eration``) inside one text.

A hyphen at the end of a line followed by a lowercase word on the next line is a layout hyphen when the two
halves joined make a known word, unless both halves are words more common than the joined form (then it is
a compound: ``well-`` / ``known`` stays). Decided by the word list, like every repair.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from teiedit.repair.model import EnglishModel
from teiedit.repair.record import Repair

_BROKEN = re.compile(r"\b([^\W\d_]{2,})-[ \t]*\n[ \t]*([^\W\d_]{2,})\b")


def find_hyphenation(text: str, model: EnglishModel) -> Iterator[Repair]:
    if "\n" not in text:
        return  # a text without line breaks (most paragraphs) has no word broken across one
    for m in _BROKEN.finditer(text):
        head, tail = m.group(1), m.group(2)
        if not tail[0].islower():
            continue
        joined = head + tail
        f = model.known(joined)
        if not f:
            continue
        # both halves words in their own right and more common than the joined form: a real compound
        if min(model.known(head), model.known(tail)) > f:
            continue
        yield Repair(
            m.start(),
            m.end(),
            m.group(0),
            joined,
            "hyphenation",
            "high",
            "joined across a line break",
        )

"""A drop cap cut off its word: ``T he debate`` -> ``The debate``, ``W HEN`` -> ``WHEN``.

A paragraph's large initial letter is a glyph of its own in a PDF, and extraction puts a space or a line
break after it. At the very start of a text, a capital letter set apart from a run of letters is joined
to it when the joined word is a known word and the letter alone is none ("A" and "I" are words: "A man"
stays). Type ``letterspace`` (a space inside a word), certainty medium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from teiedit.repair.model import EnglishModel
from teiedit.repair.record import Repair, Spans

_DROP = re.compile(r"^(?P<cap>[A-Z])[ \t]*\n?[ \t]*(?P<rest>[a-z]{2,14}|[A-Z]{2,14})\b")
#: The joined word is a common one (a rare token such as "Jg" is no word to join into).
_COMMON = 1e-6
#: Capital letters that are words by themselves.
_WORDS = frozenset("AIO")


def find_at_start(text: str, model: EnglishModel, taken: Spans) -> Iterator[Repair]:
    """The repair of a drop cap at the start of ``text``, if there is one."""
    m = _DROP.match(text)
    if m is None or m.end("cap") == m.start("rest") or taken.overlaps(0, m.end()):
        return
    cap, rest = m["cap"], m["rest"]
    if cap in _WORDS or model.known(cap + rest) < _COMMON:
        return
    if model.known(rest) >= model.known(cap + rest) and rest[:1].isupper():
        return  # "T HE" where "HE" is the likelier word: an initial and a word, not a cut one
    yield Repair(0, m.end(), m.group(0), cap + rest, "letterspace", "medium", "drop cap")

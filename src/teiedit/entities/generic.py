"""Generic references to organisations: "the Party", "the Central Committee", "the CC", "the Embassy".

A definite article before a generic head noun refers to one organisation the reader knows from the
context. The head nouns and the kind of organisation each stands for are data (``GENERIC_HEADS``); an
entry's kind is its ``org/@type`` in the register or, failing that, the head of its preferred name
(``Communist Party of the Soviet Union`` is a party, ``KWP Central Committee`` a central committee,
``Higher Party School`` neither). ``Referents.resolve`` settles a reference when the document makes the referent
certain: exactly one organisation of that kind named before it (``@cert="medium"``), or, when none is
named before, exactly one in the whole document (``@cert="low"``). Otherwise it stays unmarked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from teiedit.registers import Entry

#: Generic head noun (as written after "the") -> the kind of organisation it refers to.
GENERIC_HEADS: dict[str, str] = {
    "Party": "party",
    "Central Committee": "central-committee",
    "CC": "central-committee",
    "Government": "government",
    "Embassy": "embassy",
    "Ministry": "ministry",
    "Foreign Ministry": "foreign-ministry",
    "Presidium": "presidium",
    "Politburo": "politburo",
    "Army": "army",
}
#: Heads of organisation names that give the same kinds (``Cabinet of Ministers`` is a government).
_NAME_HEADS: dict[str, str] = {
    **{k.casefold(): v for k, v in GENERIC_HEADS.items()},
    "cabinet": "government",
    "ministry of foreign affairs": "foreign-ministry",
    "foreign ministry": "foreign-ministry",
}

_HEADS = "|".join(sorted((re.escape(h) for h in GENERIC_HEADS), key=len, reverse=True))
#: "the Party", not "the Party Committee", "the CC [Central Committee] Presidium", "the Party of Labour",
#: "the Party-state" or "the party". The pattern starts with the letter and looks behind it for the word's
#: start (what ``\b`` before it says): one that starts with a class of characters is searched by skipping
#: to them in C; one that starts with ``\b`` was tried at every character of the text.
_GENERIC = re.compile(
    rf"[Tt](?<!\w.)he\s+(?P<head>{_HEADS})\b(?![-\u2010\u2011][\w])(?!\s+(?:of|for)\s)"
    r"(?!\s*(?:\[[^\]]*\]\s*)?[A-Z])"
)
_SPLIT = re.compile(r"\s+(?:of|in|for|at|to)\s+", re.IGNORECASE)


def org_kinds(entry: Entry) -> frozenset[str]:
    """The kinds of an organisation entry: its ``@type`` words, else those the heads of its names give."""
    if entry.type:
        return frozenset(entry.type.split())
    if entry.name_tag != "orgName":
        return frozenset()
    kinds: set[str] = set()
    for v in entry.variants:
        if v.is_short or v.lang:
            continue
        low = " ".join(v.text.casefold().split())
        head = _SPLIT.split(low, maxsplit=1)[0]
        for words, kind in _NAME_HEADS.items():
            if head == words or head.endswith(" " + words) or (" of " in words and words in low):
                kinds.add(kind)
    return frozenset(kinds)


@dataclass(frozen=True)
class GenericMention:
    """``the <head>`` in a text: the span of the head noun and the kind it stands for."""

    start: int
    end: int
    head: str
    kind: str


def find_generic(text: str) -> list[GenericMention]:
    """Every generic reference in a running text, in order."""
    return [
        GenericMention(m.start("head"), m.end("head"), m["head"], GENERIC_HEADS[m["head"]])
        for m in _GENERIC.finditer(text)
    ]


class Referents:
    """The organisations a document names, by kind, each with the offset of its first mention."""

    def __init__(self, named: Iterable[tuple[int, str]], kinds: dict[str, frozenset[str]]) -> None:
        first: dict[str, int] = {}
        for offset, entry_id in named:
            if kinds.get(entry_id) and (entry_id not in first or offset < first[entry_id]):
                first[entry_id] = offset
        self._by_kind: dict[str, list[tuple[int, str]]] = {}
        for entry_id, offset in first.items():
            for kind in kinds[entry_id]:
                self._by_kind.setdefault(kind, []).append((offset, entry_id))
        for found in self._by_kind.values():
            found.sort()

    def resolve(self, kind: str, here: int) -> tuple[str, str, list[str]]:
        """The entry a generic reference of ``kind`` at ``here`` stands for, its certainty, the candidates.

        Returns ('', '', candidates) when the document does not make the referent certain.
        """
        found = self._by_kind.get(kind, [])
        before = [e for o, e in found[: bisect.bisect_left(found, (here, ""))]]
        if len(before) == 1:
            return before[0], "medium", before
        if not before and len(found) == 1:
            return found[0][1], "low", [found[0][1]]
        return "", "", sorted(before or [e for _, e in found])

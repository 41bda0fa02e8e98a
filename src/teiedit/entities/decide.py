"""Which register entry a name found in the text stands for, or why it is left unlinked.

The rules (see ``teiedit.transforms.entities`` for the pass): a full form of one entry is linked; a form
shared by several entries, or a short form (a bare family name), only when the context settles it. A bare
name next to another given name or initial belongs to somebody else; a family name that several entries
bear goes to the one of them mentioned last (within ``WINDOW``), or to one the document names far more
often than the others, else to nobody.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from teiedit.entities.context import other_given_name
from teiedit.entities.matcher import Hit, Target
from teiedit.registers import Registers

#: How far back (in characters of running text) a mention may resolve a short or shared form.
WINDOW = 4000
#: How many times more often a candidate must be named unambiguously to win an unresolved short form.
DOMINANCE = 3


@dataclass
class Memory:
    """Where in the document each entry was last mentioned (running-text offset)."""

    last: dict[str, int] = field(default_factory=dict)

    def resolve(self, candidates: list[str], here: int, window: int | None = WINDOW) -> str | None:
        """The candidate mentioned last before ``here`` (within ``window`` characters), if one is."""
        seen = [
            (self.last[c], c)
            for c in candidates
            if c in self.last and (window is None or here - self.last[c] <= window)
        ]
        if not seen:
            return None
        seen.sort(reverse=True)
        if len(seen) > 1 and seen[0][0] == seen[1][0]:
            return None
        return seen[0][1]


@dataclass(frozen=True)
class Decision:
    """A hit's entry (``None``: left unlinked, with the reason), its element, certainty and candidates."""

    entry_id: str | None
    kind: str
    candidates: list[str]
    cert: str = ""
    reason: str = ""  # why it is unlinked, or how an uncertain link was made
    next_to: str = ""  # the other given name beside a bare family name


def _dominant(candidates: list[str], plain: Counter[str]) -> str | None:
    """The candidate the document names far more often than the others by an unambiguous form, if any.

    ``Li`` in a document about Li Sangjo that mentions Li Pilgyu twice.
    """
    ranked = sorted(((plain[c], c) for c in candidates), reverse=True)
    if len(ranked) < 2:
        return None
    (top, best), (second, _) = ranked[0], ranked[1]
    return best if top >= 3 and top >= DOMINANCE * second else None


_ENTRY_ID = attrgetter("entry_id")
#: What a hit's targets give ``decide``, by the targets (their tuple, kept: a name's hits share it).
_POOLS: dict[int, tuple[tuple[Target, ...], bool, str, list[str]]] = {}


def _pool(targets: tuple[Target, ...]) -> tuple[bool, str, list[str]]:
    """Whether a hit has full forms, the kind of the targets it may stand for (its full forms, else all),
    and their entries (a new list; worked out once per targets: a short form may have many)."""
    cached = _POOLS.get(id(targets))
    if cached is None or cached[0] is not targets:
        full = [t for t in targets if not t.short]
        pool = full or list(targets)
        cached = (targets, bool(full), pool[0].kind, list(dict.fromkeys(map(_ENTRY_ID, pool))))
        if len(_POOLS) > 4096:
            _POOLS.clear()
        _POOLS[id(targets)] = cached
    return cached[1], cached[2], list(cached[3])


def decide(
    hit: Hit,
    raw: str,
    regs: Registers,
    memory: Memory,
    plain: Counter[str],
    here: int,
    container_start: int | None = None,
) -> Decision:
    """The entry ``hit`` (found in ``raw`` at running-text offset ``here``) stands for.

    A family name several register entries bear (``Kim``) goes, in this order, to another bearer named
    earlier in the same container (``Kim Tu-bong spoke. Kim said``, ``@cert="medium"``), to the entry the
    register gives that short form to when the document has named it before (within ``WINDOW`` when
    several entries have the short form), to one the document names far more often than the others
    (medium), to another bearer named within ``WINDOW`` (medium), or to nobody.
    """
    full, kind, ids = _pool(hit.targets)
    one_word = kind == "persName" and len(hit.text.split()) == 1
    if one_word:
        entries = [regs.entries[i] for i in ids if i in regs.entries]
        surnames = regs.surnames() - {hit.text.casefold()}
        beside = other_given_name(raw, hit.start, hit.end, entries, surnames)
        if beside:
            return Decision(None, kind, ids, reason="another name next to it", next_to=beside)
    if len(ids) == 1 and full:
        return Decision(ids[0], kind, ids)
    family = ids
    if one_word and not full:
        family = sorted(set(ids) | set(regs.bearers(_word(hit.text))))
    if len(family) == 1:
        return Decision(family[0], kind, family)
    start = here if container_start is None else container_start
    local = memory.resolve(family, here, here - start)
    if local is not None and local not in ids:
        return Decision(
            local,
            regs.entries[local].name_tag,
            family,
            "medium",
            "another bearer named just before",
        )
    chosen = memory.resolve(ids, here, None if len(ids) == 1 else WINDOW)
    if chosen is not None:
        return Decision(chosen, regs.entries[chosen].name_tag, family)
    chosen = _dominant(family, plain)
    if chosen is not None:
        return Decision(
            chosen, regs.entries[chosen].name_tag, family, "medium", "linked to the most mentioned"
        )
    chosen = memory.resolve(family, here)
    if chosen is not None:
        return Decision(
            chosen, regs.entries[chosen].name_tag, family, "medium", "another bearer named before"
        )
    reason = "several register entries bear this name" if len(family) > len(ids) else "ambiguous"
    return Decision(None, kind, family, reason=reason)


def _word(text: str) -> str:
    return re.sub(r"[\[\]]", "", text).strip()


def in_compound(raw: str, hit: Hit) -> bool:
    """A place name as the second half of a lower-case compound is an adjective: ``anti-Japan``, ``pro-Soviet``.

    (``Soviet-DPRK relations`` and ``anti-Kim Il Sung`` are not skipped: the first half is a name, or the
    name is a person's.)
    """
    if not all(t.kind == "placeName" for t in hit.targets):
        return False
    i = hit.start
    if i < 2 or raw[i - 1] not in "-\u2010\u2011":
        return False
    j = i - 1
    while j > 0 and raw[j - 1].isalpha():
        j -= 1
    return j < i - 1 and raw[j].islower()


_GROUP_AFTER = re.compile(r"""["”’']?\s*(?:\[[^\]]*\]\s*)?["“]?(?:factions?|groups?)\b""")


def names_a_group(raw: str, hit: Hit) -> bool:
    """A place name used for a group of people is no place: the "Yan'an" faction, the Yan'an "group"."""
    return all(t.kind == "placeName" for t in hit.targets) and bool(
        _GROUP_AFTER.match(raw, hit.end)
    )


def extend_brackets(raw: str, start: int, end: int) -> tuple[int, int]:
    """Take editorial brackets around or half inside a name into its span: ``[Bulganin]``, ``Kim [Chang Hym]``."""
    inner = raw[start:end]
    opened = inner.count("[") - inner.count("]")
    if opened > 0 and raw[end : end + 1] == "]":
        end += 1
    elif opened < 0 and start > 0 and raw[start - 1] == "[":
        start -= 1
    elif opened == 0 and start > 0 and raw[start - 1] == "[" and raw[end : end + 1] == "]":
        start, end = start - 1, end + 1
    return start, end

"""Candidate names that no register knows yet, so that an editor can add them.

Four kinds of evidence, from the most to the least specific: a title before capitalised words
(``Cde. Pak Il``, ``Ambassador Ivanov``); the shape of a Korean name (a short surname and a two-syllable
given name: ``Yun Kong-hum``, ``Gim Seunghwa``, ``Ho Un-bae``); the shape of a Russian name with initials
(``N. T. Fedorenko``, ``Samsonov G.Ie.``); and runs of two or more capitalised words. Text already marked
as a name and text a register already matches are left out. No language model is needed; none is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from teiedit.entities.matcher import Matcher

#: Words before a name that make it a name (``Ambassador Ivanov``), as written (case matters: "major"
#: or "count" in lower case are no titles). An edition adds its own with ``[entities] titles`` in
#: teiedit.toml.
TITLES = tuple(
    """
Cde. Cdes. Comrade Comrades comrade comrades Ambassador ambassador Minister Premier Chairman Chairwoman
Secretary General Counsellor Councilor Consul Dr. Mr. Mrs. Ms. Miss Prof. Professor President Marshal
Director Chief Colonel Captain Lieutenant Admiral Senator Governor Mayor Judge Bishop Reverend Rev. Sir
Lord King Queen Prince Princess Count Countess Baron Herr Frau Monsieur Madame Mme. Mlle. Señor Señora
""".split()
)
_WORD = r"[A-Z][\w'’ŏŭŎŬ]*(?:-[\w'’ŏŭ]+)?"
_SYL = r"[\w'’ŏŭŎŬ]{1,7}"
#: The shapes of names besides a title (the title's pattern is made from the edition's titles).
_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "korean",
        re.compile(
            rf"(?<![\w-])(?P<name>[A-Z][a-zŏŭ']{{0,4}}\s+[A-Z]{_SYL}-[a-zŏŭ']{{1,7}}|"
            rf"[A-Z][a-zŏŭ']{{0,4}}\s+[A-Z][a-zŏŭ']{{1,5}}\s+[A-Z][a-zŏŭ']{{1,5}})(?![\w-])"
        ),
    ),
    (
        "russian",
        re.compile(
            r"(?<![\w.])(?P<name>(?:[A-Z]\.\s?(?:[A-Z][a-z]?\.\s?)?)[A-Z][a-z]{2,}|"
            r"[A-Z][a-z]{2,}\s+[A-Z]\.\s?[A-Z][a-z]?\.)(?![\w])"
        ),
    ),
    (
        "capitalised",
        re.compile(
            rf"(?<![\w-])(?P<name>{_WORD}(?:\s+(?:(?:of|the|for|and|de|von|van)\s+)?{_WORD}){{1,4}})(?![\w-])"
        ),
    ),
]
#: Capitalised words that are no names by themselves (sentence openers, months, titles, document words).
#: An edition adds its own with ``[entities] not_names`` in teiedit.toml.
NOT_NAMES = frozenset(
    """
A An The This That These Those In On At To For From By With Of And Or But If As It Its He She They We I You
Our Their His Her My Your Who What When Where Why How Which There Here Then Thus Therefore However Moreover
Further Furthermore Some Many Most All Each Every Any Other Such Both Several
First Second Third Fourth Fifth Finally Also Even Only After Before Since Until During
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday Comrade Comrades Cde Cdes Dear Top Secret Confidential Copy No
Source Translation Memorandum Record Letter Report Diary Document Documents Telegram Minutes Ambassador
Minister Premier Chairman Secretary General Deputy Vice Department Committee Central Congress Party
Embassy Ministry Foreign State People's Peoples' Republic Communist Democratic Chinese Japanese Russian American
British French German Italian Polish Hungarian Czech North South East West Eastern Western Great Ibid
Accessed Online Notes Note See Stamp Distribute Attachment Typed Drafted Issued Issue
""".split()
)


def _title_pattern(titles: Iterable[str]) -> re.Pattern[str]:
    """A title before one to three capitalised words, initials first."""
    alternatives = "|".join(re.escape(t) for t in sorted(set(titles), key=lambda t: (-len(t), t)))
    return re.compile(
        rf"(?<![\w.])(?:{alternatives})(?!\w)\s+(?P<name>(?:[A-Z]\.\s?){{0,3}}{_WORD}(?:\s+{_WORD}){{0,2}})"
    )


@dataclass
class Candidate:
    """A string that looks like a name no register has, with where it occurs."""

    text: str
    kind: str
    count: int = 0
    documents: set[str] = field(default_factory=set)
    contexts: list[str] = field(default_factory=list)
    #: other spellings of the same name found in the texts ("M. Okonkwo" of "Michael Okonkwo")
    variants: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "kind": self.kind,
            "count": self.count,
            "documents": sorted(self.documents),
            "contexts": self.contexts,
            "variants": self.variants,
        }


def _known_mask(text: str, matcher: Matcher | None) -> str:
    """The text with every register match blanked out, so that known names are not suggested again."""
    if matcher is None:
        return text
    chars = list(text)
    for hit in matcher.find(text):
        for i in range(hit.start, hit.end):
            chars[i] = "\x00"
    return "".join(chars)


def _plausible(name: str, stop: frozenset[str]) -> bool:
    """Not only stop words, not opening with one, and not letter debris (``V JG``, ``M Y R``)."""
    words = re.findall(r"[\w'’ŏŭŎŬ-]+", name)
    initial = re.match(r"[A-Z]\.", name) is not None  # "A. Okonkwo": an initial, not the article
    if not words or (words[0] in stop and not initial):
        return False
    if all(w.strip("'’") in stop for w in words):
        return False
    debris = sum(1 for w in words if len(w) <= 2 and w.isupper())
    return debris * 2 < len(words) or "." in name


def suggest(
    texts: Iterable[tuple[str, str]],
    matcher: Matcher | None,
    *,
    contexts: int = 3,
    titles: Iterable[str] = (),
    not_names: Iterable[str] = (),
) -> list[Candidate]:
    """Candidates from (document name, running text) pairs: name shapes first, then by frequency.
    ``titles`` and ``not_names`` add to :data:`TITLES` and :data:`NOT_NAMES` (the edition's own words)."""
    every_title = TITLES + tuple(titles)
    # a title is no name by itself ("Lord Mayor" names nobody)
    stop = NOT_NAMES | {t.rstrip(".") for t in every_title} | frozenset(not_names)
    patterns = [("title", _title_pattern(every_title)), *_SHAPES]
    found: dict[str, Candidate] = {}
    for doc, text in texts:
        masked = _known_mask(text, matcher)
        taken: list[tuple[int, int]] = []
        for kind, rx in patterns:
            for m in rx.finditer(masked):
                start, end = m.span("name")
                name = " ".join(m.group("name").split())
                if (
                    "\x00" in name
                    or any(s < end and start < e for s, e in taken)
                    or not _plausible(name, stop)
                ):
                    continue
                taken.append((start, end))
                cand = found.setdefault(name, Candidate(name, kind))
                cand.count += 1
                cand.documents.add(doc)
                if len(cand.contexts) < contexts:
                    left = " ".join(text[max(0, start - 40) : start].split())
                    right = " ".join(text[end : end + 40].split())
                    cand.contexts.append(f"…{left} [{name}] {right}…".replace("\x00", ""))
    _group_initials(found, contexts)
    order = {"title": 0, "korean": 1, "russian": 2, "capitalised": 3}
    return sorted(found.values(), key=lambda c: (order[c.kind], -c.count, c.text))


_INITIALS = re.compile(r"^((?:[A-Z]\.\s?)+)([A-Z][\w'’-]+)$")


def _group_initials(found: dict[str, Candidate], contexts: int) -> None:
    """A name written with initials ("M. Okonkwo", "N. T. Fedorenko") joins the one candidate written in
    full whose given names the initials begin and whose surname is the same ("Michael Okonkwo"), as a
    variant; with no such candidate, or several, it stays a candidate of its own."""
    full: dict[str, list[Candidate]] = {}
    for cand in found.values():
        words = cand.text.split()
        if len(words) >= 2 and not _INITIALS.match(cand.text):
            full.setdefault(words[-1], []).append(cand)
    for text in list(found):
        m = _INITIALS.match(text)
        if m is None:
            continue
        initials = [i.strip(". ") for i in m.group(1).split(".") if i.strip(". ")]
        fits = [
            c
            for c in full.get(m.group(2), [])
            if len(c.text.split()) - 1 >= len(initials)
            and all(w.startswith(i) for w, i in zip(c.text.split(), initials, strict=False))
        ]
        if len(fits) != 1:
            continue
        into, cand = fits[0], found.pop(text)
        into.variants.append(text)
        into.count += cand.count
        into.documents |= cand.documents
        into.contexts.extend(cand.contexts[: max(0, contexts - len(into.contexts))])

"""Find register names in running text: one Aho-Corasick automaton over every variant of every entry.

Text and variants are compared in a normal form that ignores what varies between transcriptions of the same
name and is not part of it: case, runs of white space and line breaks, hyphen versus space
(``Kim Il-sung`` = ``Kim Il Sung``), curly versus straight apostrophes, spaces after initials
(``N.S. Khrushchev`` = ``N. S. Khrushchev``) and editorial brackets inside a word (``S[o] Hwi``).
A hit counts only at word boundaries and when its capitals agree with the variant (``Person`` the scholar,
not ``person``); overlapping hits are settled leftmost-longest. Time is linear in the text, whatever the
number of variants.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import ahocorasick

from teiedit.registers import Registers

_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u02bb`\u00b4")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014")


_DROP = "\x01"
_BRACKET = re.compile(r"[\[\]]")
_TO_SPACE = re.compile(
    r"[\t\n\r\f\v\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-\u2010-\u2014]"
)
_TO_APOSTROPHE = re.compile("[" + "".join(sorted(_APOSTROPHES)) + "]")
#: What the normal form leaves out: dropped brackets, and spaces after a space or a full stop (group 1).
_DELETED = re.compile(r"\x01|[ .]( +)")


class OffsetMap:
    """Maps a position in the normal form back to the raw text (the normal form only ever deletes)."""

    def __init__(self, length: int, deletions: list[tuple[int, int]]) -> None:
        self.length = length
        self._at = [0] + [
            k for k, _ in deletions
        ]  # normal-form position where a deletion takes effect
        self._shift = [0] + [d for _, d in deletions]  # characters deleted before it, in total

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, k: int) -> int:
        return k + self._shift[bisect.bisect_right(self._at, k) - 1]


def normalise(raw: str) -> tuple[str, OffsetMap]:
    """The matching form of ``raw`` and the map from its positions back to ``raw``.

    Brackets inside a word are dropped (``S[o] Hwi``), other brackets, hyphens and white space become one
    space, a space after a full stop is dropped (``N. S.`` = ``N.S.``), apostrophes are straightened and
    letters lower-cased. Done with string methods and regular expressions: this runs over every text.
    """
    s1 = raw
    if "[" in s1 or "]" in s1:
        chars = list(s1)
        for m in _BRACKET.finditer(s1):
            i = m.start()
            inner = 0 < i < len(s1) - 1 and s1[i - 1].isalpha() and s1[i + 1].isalpha()
            chars[i] = _DROP if inner else " "
        s1 = "".join(chars)
    s1 = _TO_APOSTROPHE.sub("'", _TO_SPACE.sub(" ", s1))
    kept: list[str] = []
    deletions: list[tuple[int, int]] = []
    pos = 0
    out_len = 0
    deleted = 0
    for m in _DELETED.finditer(s1):
        a = m.start(1) if m.group(1) else m.start()
        kept.append(s1[pos:a])
        out_len += a - pos
        deleted += m.end() - a
        deletions.append((out_len, deleted))
        pos = m.end()
    kept.append(s1[pos:])
    out_len += len(s1) - pos
    text = "".join(kept)
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (rare): keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low, OffsetMap(out_len, deletions)


def match_key(text: str) -> str:
    """The automaton key of a variant."""
    return normalise(text)[0].strip()


@dataclass(frozen=True)
class Target:
    """What a key stands for: an entry, the kind of name, and whether the form is a short one."""

    entry_id: str
    kind: str
    short: bool
    variants: tuple[str, ...]  # the register's spellings with this key (they may differ in case)


@dataclass(frozen=True)
class Hit:
    """A name found in the raw text: ``raw[start:end]``, standing for one or more targets."""

    start: int
    end: int
    text: str
    targets: tuple[Target, ...]


def _letters(text: str) -> list[str]:
    """The words of a text as runs of letters (for comparing capitalisation)."""
    words: list[str] = []
    cur: list[str] = []
    for ch in text:
        if ch.isalpha():
            cur.append(ch)
        elif ch in "[]":
            continue  # S[o] Hwi is one word
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def _case_agrees(found: str, variant: str) -> bool:
    """Capitals of the text agree with the variant: exactly, all in capitals, or word-initial capitals."""
    fw, vw = _letters(found), _letters(variant)
    if fw == vw or fw == [w.upper() for w in vw]:
        return True
    if len(fw) != len(vw) or len(vw) < 2:
        return False
    return all((not v[0].isupper()) or f[0].isupper() for f, v in zip(fw, vw, strict=True))


class Matcher:
    """All variants of all register entries in one automaton."""

    def __init__(self, registers: Registers) -> None:
        table: dict[str, dict[tuple[str, str, bool], list[str]]] = {}
        for entry in registers.entries.values():
            for v in entry.variants:
                key = match_key(v.text)
                if key:
                    table.setdefault(key, {}).setdefault(
                        (entry.id, entry.name_tag, v.is_short), []
                    ).append(v.text)
        self.automaton = ahocorasick.Automaton()
        for key, targets in table.items():
            payload = tuple(
                Target(i, k, short, tuple(texts)) for (i, k, short), texts in targets.items()
            )
            self.automaton.add_word(key, (key, payload))
        self.size = len(table)
        self._case_cache: dict[tuple[str, str], tuple[Target, ...]] = {}
        if self.size:
            self.automaton.make_automaton()

    def find(self, raw: str) -> list[Hit]:
        """Non-overlapping register names in ``raw``, leftmost-longest, at word boundaries."""
        if not self.size:
            return []
        norm, index = normalise(raw)
        n = len(norm)
        hits: list[Hit] = []
        for end, (key, targets) in self.automaton.iter_long(norm):
            start = end - len(key) + 1
            if start > 0 and norm[start - 1].isalnum():
                continue
            if end + 1 < n and norm[end + 1].isalnum() and key[-1] != ".":
                continue  # (after "Ivanov V.I." the next word follows without a space in normal form)
            rs, re_ = index[start], index[end] + 1
            text = raw[rs:re_]
            ok = self._agreeing(text, key, targets)
            if ok:
                hits.append(Hit(rs, re_, text, ok))
        return hits

    def _agreeing(self, text: str, key: str, targets: tuple[Target, ...]) -> tuple[Target, ...]:
        """The targets whose spelling agrees with the text in capitals (cached: names recur).

        ``key``: the automaton's key the targets are stored under (it stands for them in the cache:
        hashing the targets themselves hashed every spelling of every target).
        """
        cache_key = (text, key)
        ok = self._case_cache.get(cache_key)
        if ok is None:
            ok = tuple(
                t
                for t in targets
                if text in t.variants or any(_case_agrees(text, v) for v in t.variants)
            )
            if len(self._case_cache) > 100_000:
                self._case_cache.clear()
            self._case_cache[cache_key] = ok
        return ok


_matchers: dict[int, tuple[Registers, Matcher]] = {}


def matcher_for(regs: Registers) -> Matcher:
    """One automaton per loaded registers object (the loader caches registers by file state)."""
    cached = _matchers.get(id(regs))
    if cached is None or cached[0] is not regs:
        cached = (regs, Matcher(regs))
        _matchers.clear()
        _matchers[id(regs)] = cached
    return cached[1]

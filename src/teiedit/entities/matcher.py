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

from dataclasses import dataclass

import ahocorasick

from teiedit.entities.registers import Registers

_APOSTROPHES = frozenset("\u2019\u2018\u02bc\u02bb`\u00b4")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014")


def normalise(raw: str) -> tuple[str, list[int]]:
    """The matching form of ``raw`` and, per character of it, the index of its source character in ``raw``."""
    out: list[str] = []
    index: list[int] = []
    n = len(raw)
    for i, ch in enumerate(raw):
        if ch == "[" or ch == "]":
            left = raw[i - 1] if i > 0 else " "
            right = raw[i + 1] if i + 1 < n else " "
            if left.isalpha() and right.isalpha():
                continue  # S[o] Hwi: a bracket inside a word is dropped
            ch = " "
        elif ch in _APOSTROPHES:
            ch = "'"
        elif ch in _HYPHENS or ch.isspace():
            ch = " "
        if ch == " ":
            if out and (out[-1] == " " or out[-1] == "."):
                continue
            out.append(" ")
            index.append(i)
            continue
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        index.append(i)
    return "".join(out), index


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
                    table.setdefault(key, {}).setdefault((entry.id, entry.kind, v.is_short), []).append(v.text)
        self.automaton = ahocorasick.Automaton()
        for key, targets in table.items():
            payload = tuple(Target(i, k, short, tuple(texts)) for (i, k, short), texts in targets.items())
            self.automaton.add_word(key, (key, payload))
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def find(self, raw: str) -> list[Hit]:
        """Non-overlapping register names in ``raw``, leftmost-longest, at word boundaries."""
        if not self.size:
            return []
        norm, index = normalise(raw)
        found: list[tuple[int, int, tuple[Target, ...]]] = []
        n = len(norm)
        for end, (key, targets) in self.automaton.iter(norm):
            start = end - len(key) + 1
            if start > 0 and norm[start - 1].isalnum():
                continue
            if end + 1 < n and norm[end + 1].isalnum():
                continue
            found.append((start, end + 1, targets))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        hits: list[Hit] = []
        last_end = -1
        for start, end, targets in found:
            if start < last_end:
                continue
            rs, re_ = index[start], index[end - 1] + 1
            text = raw[rs:re_]
            ok = tuple(t for t in targets if any(_case_agrees(text, v) for v in t.variants))
            if not ok:
                continue
            hits.append(Hit(rs, re_, text, ok))
            last_end = end
        return hits

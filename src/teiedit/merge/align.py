"""Pairing two token sequences, and the three-way split (diff3) of base, mine and fresh into hunks.

``pairs`` first matches tokens that are identical (a longest common subsequence of strict keys); in the
gaps between those runs it pairs changed nodes of the same kind (same ``xml:id`` first, then the most
alike by their words), so that an element edited on both sides is merged inside rather than replaced.
``diff3`` then cuts the base at the tokens paired on both sides: those are stable (merged one by one), and
between them lie the chunks that one side, the other, or both changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from teiedit.merge.tokens import Token, words

#: Above this many candidate pairs in one gap, nodes are paired by kind only (no likeness scores).
_MAX_SCORED = 250_000
#: Two changed elements without ids are the same element only when this alike (shared words).
_MIN_LIKENESS = 0.2


@dataclass
class Hunk:
    """A stable token (one per side, paired) or a chunk between stable tokens (any length per side)."""

    base: list[Token]
    mine: list[Token]
    fresh: list[Token]
    stable: bool = False


def pairs(base: list[Token], other: list[Token]) -> dict[int, int]:
    """A monotone pairing of positions in ``base`` with positions in ``other``."""
    found: dict[int, int] = {}
    matcher = SequenceMatcher(
        None, [t.strict for t in base], [t.strict for t in other], autojunk=False
    )
    i0 = j0 = 0
    for i, j, n in matcher.get_matching_blocks():
        _pair_gap(base, other, range(i0, i), range(j0, j), found)
        for d in range(n):
            found[i + d] = j + d
        i0, j0 = i + n, j + n
    return found


def _pair_gap(
    base: list[Token], other: list[Token], bi: range, oj: range, found: dict[int, int]
) -> None:
    bn = [i for i in bi if base[i].node is not None]
    on = [j for j in oj if other[j].node is not None]
    if not bn or not on:
        return
    if [base[i].soft for i in bn] == [other[j].soft for j in on]:
        found.update(zip(bn, on, strict=True))  # the same elements, each changed inside
        return
    if len(bn) * len(on) > _MAX_SCORED:
        kinds = SequenceMatcher(
            None, [base[i].soft for i in bn], [other[j].soft for j in on], autojunk=False
        )
        for a, b, n in kinds.get_matching_blocks():
            found.update((bn[a + d], on[b + d]) for d in range(n))
        return
    bw = [words(base[i].node) for i in bn]
    ow = [words(other[j].node) for j in on]

    def score(a: int, b: int) -> float:
        x, y = base[bn[a]], other[on[b]]
        if x.soft != y.soft:
            return -1.0
        if x.soft[2]:  # type: ignore[index]  # the same xml:id
            return 2.0
        union = bw[a] | ow[b]
        likeness = len(bw[a] & ow[b]) / len(union) if union else 1.0
        return likeness if likeness >= _MIN_LIKENESS else -1.0

    # The best monotone pairing by total likeness (a weighted longest common subsequence).
    rows, cols = len(bn), len(on)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for a in range(1, rows + 1):
        for b in range(1, cols + 1):
            s = score(a - 1, b - 1)
            diag = best[a - 1][b - 1] + s if s >= 0 else -1.0
            best[a][b] = max(best[a - 1][b], best[a][b - 1], diag)
    a, b = rows, cols
    while a and b:
        s = score(a - 1, b - 1)
        if s >= 0 and best[a][b] == best[a - 1][b - 1] + s:
            found[bn[a - 1]] = on[b - 1]
            a, b = a - 1, b - 1
        elif best[a][b] == best[a - 1][b]:
            a -= 1
        else:
            b -= 1


def diff3(base: list[Token], mine: list[Token], fresh: list[Token]) -> list[Hunk]:
    """Cut the three sequences into stable tokens and the chunks between them."""
    to_mine, to_fresh = pairs(base, mine), pairs(base, fresh)
    hunks: list[Hunk] = []
    i = j = k = 0
    for s in range(len(base)):
        if s not in to_mine or s not in to_fresh:
            continue
        m, f = to_mine[s], to_fresh[s]
        if i < s or j < m or k < f:
            hunks.append(Hunk(base[i:s], mine[j:m], fresh[k:f]))
        hunks.append(Hunk([base[s]], [mine[m]], [fresh[f]], stable=True))
        i, j, k = s + 1, m + 1, f + 1
    if i < len(base) or j < len(mine) or k < len(fresh):
        hunks.append(Hunk(base[i:], mine[j:], fresh[k:]))
    return hunks


def same(a: list[Token], b: list[Token]) -> bool:
    """True when two chunks are token for token the same."""
    return len(a) == len(b) and all(x.strict == y.strict for x, y in zip(a, b, strict=True))

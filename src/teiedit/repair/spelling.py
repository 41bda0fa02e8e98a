"""Near-word correction for decoded words the word list does not know (``Sovjit`` -> ``Soviet``).

Shifted text is often also garbled a little (a letter swapped or replaced). A decoded word that wordfreq does
not know is compared with known words at edit distance one or two, found through an index of words with one
letter deleted (the symmetric-delete method). A candidate wins only if its cost plus a cost per edit is lower
than the cost of the word as decoded, so rare names (``Sangjo``) stay as they are unless a much more common
word is one small edit away.
"""

from __future__ import annotations

from collections import defaultdict

from teiedit.repair.model import EnglishModel

#: Cost (nats) of each edit the correction assumes.
EDIT_COST = 9.0
#: Two-edit corrections come from the most frequent words (an index of them with one letter deleted); one-edit
#: corrections from every word at least ``MIN_FREQ`` frequent (generated from the query: no index needed).
INDEX_WORDS = 20000
MIN_LEN = 3
#: Two-edit corrections only for words at least this long.
MIN_LEN_TWO_EDITS = 5
#: Cost taken off a candidate that the document itself uses elsewhere.
ATTESTED_BONUS = 3.0
#: A capitalised word is probably a name: it is corrected only to a word at least this frequent
#: (``Sovjit`` -> ``Soviet``, but ``Sangjo`` is not ``Anglo``).
NAME_GUARD = 1e-5
#: A correction must be a word at least this frequent.
MIN_FREQ = 2e-7


def _index(model: EnglishModel) -> dict[str, list[str]]:
    """Words of the list with one letter deleted -> the words, built on first use and kept with the model."""
    cached = model.extras.get("delete-index")
    if cached is not None:
        return cached  # type: ignore[return-value]
    idx: defaultdict[str, list[str]] = defaultdict(list)
    taken = 0
    for w, f in model.freq.items():  # from the most to the least frequent
        if f < MIN_FREQ or taken >= INDEX_WORDS:
            break
        if len(w) < MIN_LEN or not w.isalpha() or not w.isascii():
            continue
        taken += 1
        for i in range(len(w)):
            idx[w[:i] + w[i + 1:]].append(w)
    model.extras["delete-index"] = idx
    return idx


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(w: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away from ``w``."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    return out


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def correct(word: str, model: EnglishModel, vocab: frozenset[str] = frozenset()) -> tuple[str, int] | None:
    """The best known word near ``word`` (lowercase) and the number of edits, or None.

    ``vocab``: the document's own words. A candidate the document uses elsewhere is preferred; a capitalised
    word (probably a name) is corrected by two edits only to such a word (``Sovjit`` -> ``Soviet`` where the
    document says Soviet, but ``Sangdu`` is not ``Sandy``).
    """
    low = word.lower()
    proper = word[:1].isupper()
    if len(low) < MIN_LEN or not low.isalpha() or not low.isascii():
        return None
    cache: dict[tuple[str, bool, frozenset[str]], tuple[str, int] | None] = model.extras.setdefault("corrections", {})  # type: ignore[assignment]
    key = (low, proper, vocab)  # a frozenset caches its hash
    if key in cache:
        return cache[key]
    idx = _index(model)
    d1 = _deletes(low)
    d2 = {d for x in d1 for d in _deletes(x)}
    e1 = _edits1(low)
    freq = model.freq
    seen: set[str] = {w for w in e1 if freq.get(w, 0.0) >= MIN_FREQ}
    if len(low) >= MIN_LEN_TWO_EDITS:
        for d in (low, *d1, *d2, *e1):
            seen.update(idx.get(d, ()))
    own = model.word_cost(low)
    best: tuple[float, str, int] | None = None
    for cand in seen:
        dist = distance(low, cand)
        if dist == 0 or dist > 2 or (dist == 2 and len(low) < MIN_LEN_TWO_EDITS):
            continue
        attested = cand in vocab
        if proper and (model.known(cand) < NAME_GUARD or (dist == 2 and not attested)):
            continue
        cost = model.word_cost(cand) + EDIT_COST * dist - (ATTESTED_BONUS if attested else 0.0)
        if cost < own and (best is None or cost < best[0]):
            best = (cost, cand, dist)
    result = (best[1], best[2]) if best else None
    cache[key] = result
    return result


def match_case(template: str, word: str) -> str:
    """``word`` in the capitalisation of ``template`` (Title, UPPER or lower)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

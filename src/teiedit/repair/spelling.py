"""Near-word correction for decoded words the word list does not know (``Sovjit`` -> ``Soviet``).

Shifted text is often also garbled a little (a letter swapped or replaced). A decoded word that wordfreq does
not know is compared with known words at edit distance one or two, found through an index of words with one
letter deleted (the symmetric-delete method). A candidate wins only if its cost plus a cost per edit is lower
than the cost of the word as decoded, so rare names (``Sangjo``) stay as they are unless a much more common
word is one small edit away.
"""

from __future__ import annotations

from collections import defaultdict

from teiedit.repair.model import DocumentWords, EnglishModel

#: Cost (nats) of each edit the correction assumes.
EDIT_COST = 8.0
#: Two-edit corrections come from the most frequent words (an index of them with one letter deleted); one-edit
#: corrections from every word at least ``MIN_FREQ`` frequent (generated from the query: no index needed).
INDEX_WORDS = 20000
MIN_LEN = 3
#: Two-edit corrections only for words at least this long.
MIN_LEN_TWO_EDITS = 5
#: A capitalised word is probably a name: it is corrected only to a word at least this frequent
#: (``Sovjit`` -> ``Soviet``, but ``Sangjo`` is not ``Anglo``).
NAME_GUARD = 1e-5
#: ... and by two edits only to a word the document uses or one at least this frequent.
COMMON = 3e-5
#: A correction must be a word at least this frequent.
MIN_FREQ = 2e-7


def _index(model: EnglishModel) -> dict[str, list[str]]:
    """Words of the list with one letter deleted -> the words, built on first use and kept with the model."""
    if model.delete_index is not None:
        return model.delete_index
    idx: defaultdict[str, list[str]] = defaultdict(list)
    taken = 0
    for w, f in model.freq.items():  # from the most to the least frequent
        if f < MIN_FREQ or taken >= INDEX_WORDS:
            break
        if len(w) < MIN_LEN or not w.isalpha() or not w.isascii():
            continue
        taken += 1
        for i in range(len(w)):
            idx[w[:i] + w[i + 1 :]].append(w)
    model.delete_index = idx
    return idx


def _deletes(w: str) -> set[str]:
    return {w[:i] + w[i + 1 :] for i in range(len(w))}


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(w: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away from ``w``."""
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    return out


def near_distance(a: str, b: str) -> int:
    """The Damerau-Levenshtein distance (optimal string alignment) of ``a`` and ``b`` when it is at most 2,
    else 3: all ``neighbours`` needs to know of a candidate.

    The words' common beginning and end are set aside first (matched, they add no edit; the candidates
    of a word share most of it), and the table stops at two rows in a row whose every entry is past 2:
    every alignment passes through one of two rows in a row (a transposition steps over one), and no
    step makes its cost smaller.
    """
    if abs(len(a) - len(b)) > 2:
        return 3  # each letter too many is an edit
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[-1 - j] == b[-1 - j]:
        j += 1
    a, b = a[i : len(a) - j], b[i : len(b) - j]
    if not a or not b:
        return min(len(a) + len(b), 3)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    past = False  # the row before was past 2 everywhere
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > 2:
            if past:
                return 3
            past = True
        else:
            past = False
        prev2, prev = prev, cur
    return min(prev[len(b)], 3)


def correct(
    word: str, model: EnglishModel, doc: DocumentWords | None = None
) -> tuple[str, int, float] | None:
    """The best known word near ``word`` (lowercase), the number of edits and the cost, or None.

    ``doc``: the document's own words. Candidates are costed with them mixed in (a word the document uses is
    more probable); a capitalised word (probably a name) is corrected by two edits only to a word the document
    uses (``Sovjit`` -> ``Soviet`` where the document says Soviet, but ``Sangdu`` is not ``Sandy``).
    """
    doc = doc if doc is not None else DocumentWords()
    low = word.lower()
    proper = word[:1].isupper()
    if len(low) < MIN_LEN or not low.isalpha() or not low.isascii():
        return None
    key = (low, proper)
    if key in doc.corrections:
        return doc.corrections[key]
    own = model.cost_in(low, doc)
    best: tuple[float, str, int] | None = None
    for cand, dist in neighbours(low, model, rare=not proper):
        if proper and (
            model.known(cand) < NAME_GUARD
            or (dist == 2 and cand not in doc and model.known(cand) < COMMON)
        ):
            continue
        cost = model.cost_in(cand, doc) + EDIT_COST * dist
        if cost < own and (best is None or cost < best[0]):
            best = (cost, cand, dist)
    result = (best[1], best[2], best[0]) if best else None
    doc.corrections[key] = result
    return result


def neighbours(low: str, model: EnglishModel, *, rare: bool = True) -> list[tuple[str, int]]:
    """Known words one or two edits from ``low`` with their distance (kept with the model: words recur).

    ``rare``: also one-edit neighbours outside the indexed frequent words (every edit is generated and looked
    up); names are only corrected to common words, so they skip that.
    """
    cache = model.neighbour_cache
    found = cache.get((low, rare))
    if found is not None:
        return found
    idx = _index(model)
    d1 = _deletes(low)
    d2 = {d for x in d1 for d in _deletes(x)}
    freq = model.freq
    e1 = _edits1(low) if rare else set()
    # Only the strings that are keys are looked at (the intersections are made in C): most edits are none.
    words, deleted = freq.keys(), idx.keys()
    seen: set[str] = {w for w in e1 & words if freq[w] >= MIN_FREQ}
    seen |= {w for w in (d1 | d2) & words if freq[w] >= MIN_FREQ}  # letters too many
    for d in ({low} | d1) & deleted:
        seen.update(idx[d])  # a letter replaced, or one missing
    if len(low) >= MIN_LEN_TWO_EDITS:
        for d in (d2 | e1) & deleted:
            seen.update(idx[d])
    found = []
    for cand in seen:
        dist = near_distance(low, cand)
        if dist == 0 or dist > 2 or (dist == 2 and len(low) < MIN_LEN_TWO_EDITS):
            continue
        found.append((cand, dist))
    found.sort()
    cache[(low, rare)] = found
    return found


def match_case(template: str, word: str) -> str:
    """``word`` in the capitalisation of ``template`` (Title, UPPER or lower)."""
    if len(template) > 1 and template.isupper():
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

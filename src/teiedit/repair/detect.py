"""Finding damaged stretches: a three-state hidden Markov model over the whitespace-separated tokens of a text.

Every token is read three ways: as clean text (C), as text in a shifted font (S: shifted back by ``k``, spaces
inside are extraction artefacts), and as one glyph of a letter-spaced run (L: at most one letter). The emission
cost of a token in each state is how un-English that reading is (``EnglishModel``); changing state costs a fixed
amount, so damage must be consistent over a stretch before it is believed. The cheapest state sequence (Viterbi)
marks the stretches; clean prose never pays the switching costs because its shifted reading is gibberish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from teiedit.repair.model import EnglishModel
from teiedit.repair.shift import ODD_INSIDE, decode, is_shifted_space, shifted_spaces

CLEAN, SHIFTED, SPACED = 0, 1, 2
STATES = (CLEAN, SHIFTED, SPACED)

#: Cost (nats) of changing state between two tokens: [from][to].
SWITCH = (
    (0.0, 7.0, 9.0),
    (7.0, 0.0, 3.0),
    (9.0, 3.0, 0.0),
)
#: Cost (nats) of each token read as shifted: the space before it is then an extraction artefact, which is itself
#: unusual; without it short clean tokens (``KWP``) read shifted would look as cheap as real words.
SHIFT_TOKEN_COST = 2.5
#: A token with more letters than this cannot be one glyph of a letter-spaced run.
SPACED_MAX_LETTERS = 1
#: A shifted stretch must be at least this much cheaper (nats) read shifted than read as it stands.
MIN_SHIFT_GAIN = 10.0
#: Share of the letters of a shifted stretch, read shifted back, that must form known words.
KNOWN_SHARE = 0.3
#: A letter-spaced run needs at least this many glyphs.
MIN_SPACED_GLYPHS = 4

_TOKEN = re.compile(r"\S+")
#: A token that may be one glyph of a letter-spaced run (at most three characters, at most one of them an
#: ASCII letter; other letters are let through, so that the test is never stricter than ``_emissions``),
#: and MIN_SPACED_GLYPHS of them in a row.
_GLYPH = r"(?=\S{1,3}(?!\S))[^\sA-Za-z]*(?:[A-Za-z][^\sA-Za-z]*)?(?!\S)"
_SPACED_RUN = re.compile(rf"(?<!\S){_GLYPH}(?:\s+{_GLYPH}){{{MIN_SPACED_GLYPHS - 1}}}")
#: A run of tokens in one state, in the bytes of a state path.
_RUNS = re.compile(rb"\x00+|\x01+|\x02+")


@dataclass(frozen=True)
class Stretch:
    """A run of tokens in one state: character offsets into the text."""

    state: int
    start: int
    end: int


def _letters(tok: str) -> int:
    return sum(map(str.isalpha, tok))


def label(text: str, k: int, model: EnglishModel) -> list[Stretch]:
    """The damaged stretches (shifted or letter-spaced) of ``text`` under shift ``k`` (0: no shift state)."""
    if not k and not _SPACED_RUN.search(text):
        # Without a shift the only damage is a letter-spaced run, MIN_SPACED_GLYPHS tokens in a row that
        # may be glyphs (see ``_emissions``): most texts have none, and need no Viterbi.
        return []
    # the tokens of ``_TOKEN`` (both cut at what ``str.isspace`` calls white space), found faster
    words = text.split()
    if not words:
        return []
    path = _viterbi(words, k, model)
    if not any(path):
        return []  # all clean (CLEAN is 0): most texts
    if SPACED in path:  # both only change letter-spaced runs and what touches them
        _absorb_short_spaced(path)
        _unterminated_to_spaced(path, words, k)
    found: list[tuple[int, int, int]] = []  # (state, first token, last token)
    # The runs of one state, found in C (a long text is mostly one clean run): clean runs are skipped.
    for run in _RUNS.finditer(bytes(path)):
        i, j = run.start(), run.end() - 1
        state = path[i]
        if state == CLEAN:
            continue
        runs = (
            _split_shifted(words, i, j, k, model)
            if state == SHIFTED
            else [_trim_spaced(words, i, j, k)]
        )
        found.extend((state, a, b) for a, b in runs if a <= b)
    if not found:
        return []
    spans = _token_spans(text, sorted({t for _, a, b in found for t in (a, b)}))
    stretches: list[Stretch] = []
    for state, a, b in found:
        stretch = Stretch(state, spans[a][0], spans[b][1])
        if _convincing(text, stretch, k, model):
            stretches.append(stretch)
    return stretches


def _token_spans(text: str, wanted: list[int]) -> dict[int, tuple[int, int]]:
    """The character spans of the tokens numbered ``wanted`` (ascending): one pass over the text's tokens,
    the ones between skipped in C (only the ends of damaged stretches are needed)."""
    spans: dict[int, tuple[int, int]] = {}
    tokens = _TOKEN.finditer(text)
    at = 0
    for t in wanted:
        spans[t] = next(islice(tokens, t - at, None)).span()
        at = t + 1
    return spans


def _viterbi(words: list[str], k: int, model: EnglishModel) -> list[int]:
    """The cheapest state of each token (Viterbi), written out for three states: this loop runs once per
    token of every text, and the additions and comparisons are those of the general recurrence, in order."""
    inf = float("inf")
    (s00, s01, s02), (s10, s11, s12), (s20, s21, s22) = SWITCH
    sure1, sure2 = SURELY_CLEAN
    cache = model.emission_cache
    if len(cache) > EMISSION_CACHE_SIZE:
        cache.clear()
    back: list[tuple[int, int, int]] = []
    c0 = c1 = c2 = inf
    prev_tok = ""
    for i, tok in enumerate(words):
        # Only the last two characters of the token before condition its emissions (``fragment_cost``).
        key = (k, tok, prev_tok[-2:] if k or len(tok) <= 3 else "")
        emit = cache.get(key)
        if emit is None:
            emit = cache[key] = _emissions(tok, key[2], k, model)
        e0, e1, e2 = emit
        prev_tok = tok
        if i == 0:  # a text may begin with damage: no cost for entering it
            c0, c1, c2 = e0, e1, e2
            back.append((0, 0, 0))
            continue
        if e1 > e0 + sure1 and e2 > e0 + sure2:
            # Clean for certain (see ``SURELY_CLEAN``): only the clean state's cost and back-pointer are
            # kept; no path leaves the other two states here.
            if c1 == inf and c2 == inf:  # the token before was clean for certain too
                c0 += e0
                back.append(_ALL_CLEAN)
                continue
            best, a0 = c0 + s00, 0
            if c1 + s10 < best:
                best, a0 = c1 + s10, 1
            if c2 + s20 < best:
                best, a0 = c2 + s20, 2
            c0, c1, c2 = best + e0, inf, inf
            back.append((a0, 0, 0))
            continue
        n0 = n1 = n2 = inf
        a0 = a1 = a2 = 0
        if e0 != inf:
            best, a0 = c0 + s00, 0
            if c1 + s10 < best:
                best, a0 = c1 + s10, 1
            if c2 + s20 < best:
                best, a0 = c2 + s20, 2
            n0 = best + e0
        if e1 != inf:
            best, a1 = c0 + s01, 0
            if c1 + s11 < best:
                best, a1 = c1 + s11, 1
            if c2 + s21 < best:
                best, a1 = c2 + s21, 2
            n1 = best + e1
        if e2 != inf:
            best, a2 = c0 + s02, 0
            if c1 + s12 < best:
                best, a2 = c1 + s12, 1
            if c2 + s22 < best:
                best, a2 = c2 + s22, 2
            n2 = best + e2
        c0, c1, c2 = n0, n1, n2
        back.append((a0, a1, a2))
    states = STATES if k else (CLEAN, SPACED)
    last_costs = (c0, c1, c2)
    path = [0] * len(words)
    path[-1] = min(states, key=lambda s: last_costs[s])
    for i in range(len(words) - 1, 0, -1):
        path[i - 1] = back[i][path[i]]
    return path


#: A token whose shifted and letter-spaced readings cost more than its clean reading by more than these
#: margins is clean on the cheapest path whatever its neighbours: leaving the clean state for one token and
#: coming back costs ``SWITCH[0][s] + SWITCH[s][0]`` (the switching costs obey the triangle inequality), and
#: any path through the other state there would be cheaper through the clean one. The Viterbi recurrence
#: then keeps only the clean state at that token: the other states' costs would never be taken. One nat
#: more than the switching costs, so that rounding never decides.
SURELY_CLEAN = (SWITCH[0][1] + SWITCH[1][0] + 1.0, SWITCH[0][2] + SWITCH[2][0] + 1.0)
_ALL_CLEAN = (0, 0, 0)

#: The emissions of tokens are kept with the model (a text repeats its words); beyond this many, forgotten.
EMISSION_CACHE_SIZE = 1 << 18


def _emissions(tok: str, before: str, k: int, model: EnglishModel) -> tuple[float, float, float]:
    """The cost of ``tok`` read in each state, after a token ending in ``before`` (its last two characters)."""
    inf = float("inf")
    letters = _letters(tok)
    shifted = spaced = inf
    if k:
        shifted = model.fragment_cost(decode_word(tok, k), decode(before, k))
        if letters >= 2:
            shifted += SHIFT_TOKEN_COST
    if letters <= SPACED_MAX_LETTERS and len(tok) <= 3:
        spaced = model.fragment_cost(tok, before)
    return (model.text_cost(tok), shifted, spaced)


def decode_word(tok: str, k: int) -> str:
    """A token shifted back, keeping a final hyphen: line-break hyphens are added by layout, not the font."""
    if tok.endswith("-") and len(tok) > 1:
        return decode(tok[:-1], k) + "-"
    return decode(tok, k)


def _absorb_short_spaced(path: list[int]) -> None:
    """A few glyphs read as letter-spacing next to shifted text are shifted text spaced out (``q h L e``)."""
    i, n = 0, len(path)
    while i < n:
        if path[i] != SPACED:
            i += 1
            continue
        j = i
        while j + 1 < n and path[j + 1] == SPACED:
            j += 1
        near_shift = (i > 0 and path[i - 1] == SHIFTED) or (j + 1 < n and path[j + 1] == SHIFTED)
        if j - i + 1 < MIN_SPACED_GLYPHS and near_shift:
            for t in range(i, j + 1):
                path[t] = SHIFTED
        i = j + 1


#: Glyphs after the last shifted space of a shifted stretch that may still be shifted text.
MAX_UNTERMINATED = 12


def _unterminated_to_spaced(path: list[int], words: list[str], k: int) -> None:
    """Glyphs at the end of a shifted stretch, after its last shifted space, that run into a letter-spaced
    run belong to that run: a shifted word ends with a shifted space (``r e s w k t g f " t h e i r``)."""
    n = len(path)
    for i in range(n - 1):
        if path[i] != SHIFTED or path[i + 1] != SPACED:
            continue
        j = i
        while (
            j >= 0
            and path[j] == SHIFTED
            and len(words[j]) == 1
            and not is_shifted_space(words[j], k)
        ):
            j -= 1
        if 0 < i - j and (j < 0 or path[j] != SHIFTED or i - j <= MAX_UNTERMINATED):
            for t in range(j + 1, i + 1):
                path[t] = SPACED


def _clean_word(tok: str, k: int, model: EnglishModel, *, min_letters: int) -> bool:
    """A token of a shifted stretch that is more probable as the word it is than as the word it decodes to."""
    if not shifted_spaces(k).isdisjoint(tok):
        return False  # it holds a shifted space: it is shifted text
    letters = "".join(filter(str.isalpha, tok))
    if len(letters) < min_letters or not letters.isascii() or not model.known(letters):
        return False
    decoded = decode(tok, k)
    if len(decoded.split()) > 1:  # white space inside the word, not only around it
        return False  # it holds a shifted space: it is shifted text
    shifted = "".join(filter(str.isalpha, decoded))
    return model.word_cost(letters) < model.word_cost(shifted)


def _split_shifted(
    words: list[str], i: int, j: int, k: int, model: EnglishModel
) -> list[tuple[int, int]]:
    """Give clean words back to the clean text: at the edges of a shifted run (``KWP`` before ``ycu"``) and,
    when they are long, inside it (``September``)."""
    while i <= j and _clean_word(words[i], k, model, min_letters=2):
        i += 1
    while j >= i and _clean_word(words[j], k, model, min_letters=2):
        j -= 1
    runs: list[tuple[int, int]] = []
    start = i
    for t in range(i, j + 1):
        if _clean_word(words[t], k, model, min_letters=5):
            if start <= t - 1:
                runs.append((start, t - 1))
            start = t + 1
    if start <= j:
        runs.append((start, j))
    return runs


def _trim_spaced(words: list[str], i: int, j: int, k: int) -> tuple[int, int]:
    """A letter-spaced run starts and ends with glyphs, not with the shifted spaces of neighbouring text."""
    while i <= j and all(is_shifted_space(c, k) for c in words[i]):
        i += 1
    while j >= i and all(is_shifted_space(c, k) for c in words[j]):
        j -= 1
    return i, j


_WORDS = re.compile(r"[A-Za-z]+")


def _convincing(text: str, s: Stretch, k: int, model: EnglishModel) -> bool:
    """Drop stretches too small or too odd to be believed: the repaired reading must be mostly known words."""
    chunk = text[s.start : s.end]
    if s.state == SPACED:
        return len(chunk.split()) >= MIN_SPACED_GLYPHS
    decoded = decode("".join(chunk.split()), k)
    gain = model.text_cost(chunk) - model.text_cost(decoded)
    if gain < MIN_SHIFT_GAIN:
        return False
    # Half the words with a sign between letters ("Fbxy Fff" read "A]st Aaa") are no English. Words are
    # cut at real spaces here (and at shifted ones inside a token); the known-word count below reads the
    # stretch joined, as a kerned extraction splits words ("o gvjqfA" is "method?").
    tokens = chunk.split()
    if 2 * sum(len(t) == 1 for t in tokens) <= len(tokens):  # not letter-spaced
        pieces = [w for tok in tokens for w in decode(tok, k).split()]
        if 2 * sum(bool(ODD_INSIDE.search(w)) for w in pieces) >= len(pieces):
            return False
    words = _WORDS.findall(decoded)
    letters = sum(len(w) for w in words)
    known = [w for w in words if model.known(w)]
    return any(len(w) >= 3 for w in known) and sum(len(w) for w in known) >= KNOWN_SHARE * letters

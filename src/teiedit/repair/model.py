"""The English language model the repairs are decided by: word frequencies and character trigrams.

Every decision of the repair pass compares how English-like two readings of the same characters are (the text
as it stands, the text shifted back, the letters joined up). The evidence comes from the ``wordfreq`` package's
English word list (frequencies of ~320,000 words from many corpora): a known word costs ``-ln(frequency)``; an
unknown word is spelt out by a character-trigram model trained on the same list, plus a fixed penalty for being
unknown. No list of the documents' own words is involved, so the model works on documents nobody has seen.

All costs are in nats (negative log probabilities): lower is more English-like.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

#: Characters the trigram model knows: lowercase letters, the apostrophe inside words, and the word boundary.
ALPHABET = "abcdefghijklmnopqrstuvwxyz'"
BOUNDARY = " "

#: Punctuation ordinary English prose uses; each mark costs ``PUNCT_COST``.
COMMON_PUNCT = frozenset(".,;:!?'\"()[]-/&%“”‘’—–…*")
PUNCT_COST = -math.log(0.02)
#: Any other character (``{``, ``|``, ``_``, ``@``, ``^``, control or odd symbols) is very unlikely in prose.
ODD_COST = -math.log(1e-5)
DIGIT_COST = -math.log(0.05)
#: Extra cost of a word the word list does not know, on top of spelling it letter by letter.
OOV_PENALTY = -math.log(1e-3)
#: How many of the most frequent words train the character model (types, not tokens).
TRAIN_WORDS = 20000

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: ``_WORD`` as the separator of a split that keeps the words.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
#: The caches of words as written are forgotten beyond this many words.
RAW_CACHE_SIZE = 1 << 18


class EnglishModel:
    """Word unigram costs from wordfreq, with a character-trigram fallback for unknown words."""

    def __init__(self) -> None:
        import wordfreq  # the registry's English frequency list; no network access

        self.freq: dict[str, float] = wordfreq.get_frequency_dict("en")
        self._tri, self._bi, self._uni = _train_trigrams(self.freq)
        self._cache: dict[str, float] = {}
        self._raw_cache: dict[str, float] = {}
        self._known: dict[str, float] = {}
        self._gap_cache: dict[str, float] = {}
        self._char_cache: dict[str, float] = {}
        self._text_cache: dict[str, float] = {}
        #: Tables the spelling corrector (``spelling``) builds on first use and keeps with the model: words
        #: by the word less one letter, and the near words found for a word (with or without rare ones).
        self.delete_index: dict[str, list[str]] | None = None
        self.neighbour_cache: dict[tuple[str, bool], list[tuple[str, int]]] = {}
        #: The damage detector's emission costs by (shift, token, the last two characters before it).
        self.emission_cache: dict[tuple[int, str, str], tuple[float, float, float]] = {}
        #: A suspect token's cost under each candidate shift (``shift.best_shift``).
        self.shift_costs: dict[str, dict[int, float]] = {}

    # ------------------------------------------------------------------ words
    def known(self, word: str) -> float:
        """The frequency of a word (case-insensitive), 0.0 when wordfreq does not know it."""
        # by the word as it is written: asked of the same words again and again, which then need no folding
        f = self._known.get(word)
        if f is None:
            if len(self._known) > RAW_CACHE_SIZE:
                self._known.clear()
            f = self._known[word] = self.freq.get(word.lower().replace("’", "'"), 0.0)
        return f

    def word_cost(self, word: str) -> float:
        """Cost of one word (letters and inner apostrophes): ``-ln p`` if known, else spelt out + penalty."""
        cached = self._raw_cache.get(word)  # as in ``known``: by the word as it is written
        if cached is not None:
            return cached
        key = word.lower().replace("’", "'")
        cached = self._cache.get(key)
        if cached is None:
            f = self.freq.get(key)
            if f:
                cached = -math.log(f)
            else:
                cached = self.spell_cost(key, bounded=True) + OOV_PENALTY
            self._cache[key] = cached
        if len(self._raw_cache) > RAW_CACHE_SIZE:
            self._raw_cache.clear()
        self._raw_cache[word] = cached
        return cached

    def cost_in(self, word: str, doc: DocumentWords) -> float:
        """``word_cost`` with the document's own word counts mixed in (see ``DocumentWords``)."""
        share = doc.share(word)
        if not share:
            return self.word_cost(word)
        return -math.log((1 - DOCUMENT_WEIGHT) * self.known(word) + DOCUMENT_WEIGHT * share)

    # ------------------------------------------------------------------ characters
    def spell_cost(self, s: str, *, bounded: bool) -> float:
        """Trigram cost of the letters of ``s``; ``bounded``: ``s`` is a whole word (starts and ends a word)."""
        cost = 0.0
        a, b = (BOUNDARY, BOUNDARY) if bounded else ("", "")
        for ch in s:
            cost += self._char_cost(a, b, ch)
            a, b = b, ch
        if bounded:
            cost += self._char_cost(a, b, BOUNDARY)
        return cost

    def _char_cost(self, a: str, b: str, c: str) -> float:
        key = a + "\x00" + b + "\x00" + c
        cached = self._char_cache.get(key)
        if cached is None:
            cached = self._char_cache[key] = self._char_cost_uncached(a, b, c)
        return cached

    def _char_cost_uncached(self, a: str, b: str, c: str) -> float:
        if c not in self._uni:
            return ODD_COST
        p = 0.02 * self._uni[c]
        if b:
            p += 0.28 * self._bi.get(b + c, 0.0)
        if a and b:
            p += 0.70 * self._tri.get(a + b + c, 0.0)
        elif b:
            p += 0.70 * self._bi.get(b + c, 0.0)
        else:
            p += 0.98 * self._uni[c]
        return -math.log(p if p > 0 else 1e-9)

    def fragment_cost(self, s: str, context: str = "") -> float:
        """Cost of a stretch of text that may begin or end inside a word (e.g. one letter of a spaced run).

        Letters go through the trigram model (a space in ``s`` is a word boundary), punctuation and odd
        characters cost their fixed amounts and reset the context. ``context``: the text just before ``s``
        (its last two letters condition the first letters of ``s``).
        """
        cost = 0.0
        a, b = "", ""
        for ch in context[-2:]:
            low = ch.lower()
            a, b = b, (low if low in self._uni else BOUNDARY)
        for ch in s:
            low = ch.lower()
            if low in self._uni and low != BOUNDARY:
                cost += self._char_cost(a, b, low)
                a, b = b, low
            elif ch.isspace():
                if b and b != BOUNDARY:
                    cost += self._char_cost(a, b, BOUNDARY)
                a, b = BOUNDARY, BOUNDARY
            else:
                cost += char_cost(ch)
                a, b = BOUNDARY, BOUNDARY
        return cost

    def text_cost(self, s: str) -> float:
        """Cost of a stretch of ordinary text: its words by ``word_cost``, everything else by character class."""
        cached = self._text_cache.get(s)
        if cached is None:
            cached = self._text_cost(s)
            if len(s) < 40:
                self._text_cache[s] = cached
        return cached

    def _text_cost(self, s: str) -> float:
        # The words and the stretches between them (``[gap, word, gap, ..., word, gap]``), costed in
        # order; the costs are added as one sum per gap, then the word's, left to right.
        parts = _WORD_SPLIT.split(s)
        cost = 0.0
        gaps = self._gap_cache
        word_cost = self.word_cost
        for gap, word in zip(parts[:-1:2], parts[1::2], strict=True):  # the last gap: below
            if gap and gap != " ":  # mostly one space between words, which costs nothing
                g = gaps.get(gap)
                if g is None:
                    g = sum(map(char_cost, gap))
                    if len(gap) <= 4 and len(gaps) < 4096:  # ", ", ". ", " (": a few recur
                        gaps[gap] = g
                cost += g
            if word.isascii() or word.isalpha():  # a letter outside Latin script counts as a word
                cost += word_cost(word)
        return cost + sum(map(char_cost, parts[-1]))


class DocumentWords:
    """The words of the document being repaired, counted: a cache language model.

    A document repeats its words (``cult of personality`` forty times), so a candidate reading it uses
    elsewhere is more probable there than the general word list says; costs mix both (``EnglishModel.cost_in``).
    It also keeps the document's cache of corrections.
    """

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self.counts: Counter[str] = counts or Counter()
        self.total = max(1, sum(self.counts.values()))
        self.corrections: dict[tuple[str, bool], tuple[str, int, float] | None] = {}
        #: Readings already decided in this document (a document repeats its words, damaged ones too):
        #: a decoded word's best reading, a shifted word's decoding, a letter-spaced run's reading, and the
        #: cost of a piece of a run's segmentation.
        self.readings: dict[str, tuple[float, str, str, str]] = {}
        self.decoded: dict[tuple[str, frozenset[str], int], str] = {}
        self.unspaced: dict[tuple[str, int], str] = {}
        self.pieces: dict[str, float] = {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self.counts

    def share(self, word: str) -> float:
        return self.counts.get(word.lower(), 0) / self.total


#: Weight of the document's own word counts against the general word list.
DOCUMENT_WEIGHT = 0.5


def char_cost(ch: str) -> float:
    """The fixed cost of a non-letter character in prose."""
    if ch.isspace():
        return 0.0
    if ch.isdigit():
        return DIGIT_COST
    if ch in COMMON_PUNCT:
        return PUNCT_COST
    if (
        ch.isalpha()
    ):  # a letter outside words (cannot happen via text_cost) or a lone non-Latin letter
        return PUNCT_COST
    return ODD_COST


def _train_trigrams(
    freq: dict[str, float],
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Conditional trigram/bigram and unigram letter probabilities from the most frequent words.

    Word types are counted once each, so that very common words do not drown the spelling patterns of the rest.
    """
    tri: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    uni: Counter[str] = Counter()
    allowed = set(ALPHABET)
    taken = 0
    for word in freq:  # wordfreq lists words from the most to the least frequent
        if taken >= TRAIN_WORDS:
            break
        if not word or not set(word) <= allowed:
            continue
        taken += 1
        s = BOUNDARY + BOUNDARY + word + BOUNDARY
        tri.update(s[i - 2 : i + 1] for i in range(2, len(s)))
        bi.update(s[i - 1 : i + 1] for i in range(2, len(s)))
        uni.update(s[2:])
    ctx2: Counter[str] = Counter()
    for k, v in tri.items():
        ctx2[k[:2]] += v
    ctx1: Counter[str] = Counter()
    for k, v in bi.items():
        ctx1[k[:1]] += v
    total = sum(uni.values())
    return (
        {k: v / ctx2[k[:2]] for k, v in tri.items()},
        {k: v / ctx1[k[:1]] for k, v in bi.items()},
        {k: v / total for k, v in uni.items()},
    )


@lru_cache(maxsize=1)
def english() -> EnglishModel:
    """The shared model (built once per process: about half a second)."""
    return EnglishModel()

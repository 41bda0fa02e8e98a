"""All repairs of one text: debris, shifted and letter-spaced stretches, glyphs, hyphenation."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from teiedit.repair import dropcap, ligature, quotes, spelling
from teiedit.repair.debris import find_debris
from teiedit.repair.detect import SHIFTED, SPACED, Stretch, label
from teiedit.repair.hyphenation import find_hyphenation
from teiedit.repair.letterspace import unspace
from teiedit.repair.model import DocumentWords, EnglishModel, english
from teiedit.repair.record import BLOCK_BREAK, Repair, Spans
from teiedit.repair.shift import (
    SMART_SPACE,
    best_shift,
    decode,
    decode_with_spaces,
    is_shifted_space,
    shifted_spaces,
)
from teiedit.repair.words import best_reading, fix_word, glyph_readings

#: Decoded characters that are ordinary punctuation and so never stand for a space.
_PROSE_PUNCT = frozenset(".,;:!?-'\"()[]")


def _squeeze(s: str) -> str:
    """Drop the extraction's spurious spaces, except between a letter and a digit (``qp 3:`` is ``on 18``)."""
    parts = s.split()
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if out and (
            out[-1].isalpha()
            and p[0].isdigit()
            or out[-1].isdigit()
            and p[0].isalpha()
            or out[-1] in "!?"
            and p[0].isalpha()
        ):
            out += " "
        out += p
    return out


_SUSPECT = re.compile(r"(?<!\S)(?:\S )+\S(?!\S)|\S{3,}")


def document_shift(texts: list[str], model: EnglishModel | None = None) -> int:
    """The font shift of a document's damaged text, or 0 when shifting back helps nothing.

    The suspects are the tokens the word list does not know; the offset that makes them most English wins
    (``shift.best_shift``). Clean text yields 0: its unknown words are names, which no shift improves.
    """
    model = model or english()
    suspects: list[str] = []
    # a text repeats its tokens: each is judged once ("" when no suspect)
    verdicts: dict[str, str] = {}
    for text in texts:
        raws = _SUSPECT.findall(text)
        for raw in set(raws).difference(verdicts):
            tok = "".join(raw.split())  # a letter-spaced run counts as one token
            # its letters (most tokens are all letters, and need no walk)
            core = (tok if tok.isalpha() else "".join(filter(str.isalpha, tok))).lower()
            suspect = len(tok) >= 3 and (not core or not model.known(core) or not tok.isascii())
            verdicts[raw] = tok if suspect else ""
        suspects.extend(filter(None, map(verdicts.__getitem__, raws)))  # in order, with repeats
    k, _count = best_shift(suspects, model)
    return k


def document_words(texts: list[str]) -> DocumentWords:
    """The words of a document, counted (lowercased): the document's own evidence for readings."""
    # the same words as a generator over every text's words would give, lowercased and counted in C
    return DocumentWords(Counter(map(str.lower, chain.from_iterable(map(_ALPHA.findall, texts)))))


_ALPHA = re.compile(r"[^\W\d_]{2,}")


def find_repairs(
    text: str, k: int, model: EnglishModel | None = None, vocab: DocumentWords | None = None
) -> list[Repair]:
    """The repairs of one text (a paragraph, a heading, ...), in order and non-overlapping.

    ``vocab``: the document's own words (``document_words``); a decoded word among them is taken as it is
    (a name such as ``Changik`` is not "corrected" to a dictionary word).
    """
    model = model or english()
    vocab = vocab if vocab is not None else DocumentWords()
    repairs: list[Repair] = list(find_debris(text, model))
    taken = Spans((r.start, r.end) for r in repairs)
    for stretch in label(text, k, model):
        if taken.overlaps(stretch.start, stretch.end):
            continue
        if stretch.state == SHIFTED:
            repairs.extend(_shifted_words(text, stretch, k, model, vocab))
        elif stretch.state == SPACED:
            repairs.append(_spaced_run(text, stretch, k, model, vocab))
    # after the shifted and spaced stretches: a drop cap is cut off a plain word of clean text
    repairs.extend(dropcap.find_at_start(text, model, Spans((r.start, r.end) for r in repairs)))
    repairs.extend(
        ligature.find_in_clean_text(text, model, Spans((r.start, r.end) for r in repairs))
    )
    repairs.extend(quotes.find_in_clean_text(text, model, Spans((r.start, r.end) for r in repairs)))
    taken = Spans((r.start, r.end) for r in repairs)
    for r in find_hyphenation(text, model):
        if not taken.overlaps(r.start, r.end):
            repairs.append(r)
    repairs.sort(key=lambda r: r.start)
    return repairs


def _spaced_run(text: str, s: Stretch, k: int, model: EnglishModel, vocab: DocumentWords) -> Repair:
    original = text[s.start : s.end]
    reading = unspace(original, model, vocab, k)
    return Repair(s.start, s.end, original, reading, "letterspace", "medium", "segmented")


def _separators(chunk: str, k: int, model: EnglishModel) -> frozenset[str]:
    """The characters that stand for the space in this stretch.

    Normally the shifted space (and its smartened forms); some extractions use another glyph (``'``) for it
    within a stretch. A candidate joins the separators only if reading it as a space makes the stretch more
    English-like.
    """
    base = set(chunk) & shifted_spaces(k)
    base |= set(SMART_SPACE)
    counts: dict[str, int] = {}
    # each character once, with its count, in the order of its first place (as a walk would count)
    for c, n in Counter(chunk).items():
        if (
            not c.isalnum()
            and not c.isspace()
            and c.isascii()
            and c not in base
            and c != "-"
            and not decode(c, k).isalnum()
            and decode(c, k) not in _PROSE_PUNCT
        ):
            counts[c] = n
    squeezed = "".join(chunk.split())

    def reading(seps: set[str]) -> str:
        return decode_with_spaces(squeezed, k, frozenset(seps))

    best_cost = model.text_cost(reading(base))
    for c, n in counts.items():
        cost = model.text_cost(reading(base | {c}))
        if cost < best_cost - 2.0 * n:
            base.add(c)
            best_cost = cost
    return frozenset(base)


def _shifted_words(
    text: str, s: Stretch, k: int, model: EnglishModel, vocab: DocumentWords
) -> list[Repair]:
    """Cut a shifted stretch into words at its shifted spaces and decode each word."""
    seps = _separators(text[s.start : s.end], k, model)
    spans: list[tuple[int, int]] = []
    stop = _stops(seps)
    i = s.start
    while i < s.end:
        word = _NOT_SPACE.search(text, i, s.end)  # white space (``str.isspace``) skipped
        if word is None:
            break
        i = word.start()
        found = stop.search(text, i, s.end)  # the word runs to a separator or a block break
        j = found.start() if found else s.end
        end = j if j < s.end and text[j] == BLOCK_BREAK else min(j + 1, s.end)
        core = "".join(text[i:end].split())
        if seps.issuperset(core) and spans:
            spans[-1] = (spans[-1][0], end)  # a lone shifted space belongs to the word before it
        else:
            spans.append((i, end))
        i = end
    out: list[Repair] = []
    for n, (a, b) in enumerate(spans):
        original = text[a:b]
        if n == len(spans) - 1 and _clean_tail(original, k, model):
            continue  # clean text glued to the shifted stretch (``vjg"September``)
        decoded = vocab.decoded.get((original, seps, k))
        if decoded is None:
            decoded = vocab.decoded[original, seps, k] = _font_change(
                original, _decode_word(original, seps, k, model), seps, k, model, vocab
            )
        if _reads_as_is(original, decoded, seps, model):
            continue  # e.g. initials ``N. T.`` amid shifted text: as they stand they read better
        needs_space = decoded.endswith(" ") and b < len(text) and not text[b].isspace()
        core = decoded.strip()
        if not core:
            continue
        reading, cert, method = fix_word(core, model, vocab)
        out.append(
            Repair(a, b, original, reading + (" " if needs_space else ""), "shift", cert, method)
        )
    return out


_NOT_SPACE = re.compile(r"\S")


@lru_cache(maxsize=64)
def _stops(seps: frozenset[str]) -> re.Pattern[str]:
    """The characters a shifted word ends at: its separators and a break between blocks."""
    return re.compile("[" + "".join(map(re.escape, sorted(seps | {BLOCK_BREAK}))) + "]")


def _unescape(s: str) -> str:
    """Markdown escapes in extracted text (``\\*``, ``\\_``) stand for the character escaped."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)


def _decode_word(original: str, seps: frozenset[str], k: int, model: EnglishModel) -> str:
    """One shifted word read back: separators become spaces, spurious spaces go, a layout hyphen stays one.

    A plain ``-`` cannot come from the shifted font (its hyphen is ``/``): it was added by the layout at a
    line break, and the font may have changed there (``rgt-sonal`` is ``per`` shifted and ``sonal`` plain). The
    halves are read either way and joined with or without the hyphen, whichever the model prefers.
    """
    raw = _unescape(original)
    cut = re.search(r"-(?=\s*\S)", raw.rstrip())
    if cut and not raw[: cut.start()].isspace():
        left, right = raw[: cut.start()], raw[cut.end() :]
        options = [
            lt + hy + rt
            for lt in (_shift_back(left, seps, k), _squeeze(left))
            for rt in (_shift_back(right, seps, k), _squeeze(right))
            for hy in ("", "-")
        ]
        return min(options, key=lambda o: model.text_cost(o.strip()))
    return _shift_back(raw, seps, k)


def _shift_back(raw: str, seps: frozenset[str], k: int) -> str:
    mapped = "".join(
        c
        if c.isspace()
        else "\x00"
        if c in seps
        else "-"
        if c == "-" and (p + 1 == len(raw) or raw[p + 1].isspace())  # line-break hyphen
        else decode(c, k)
        for p, c in enumerate(raw)
    )
    return _squeeze(mapped).replace("\x00", " ")


def _reads_as_is(original: str, decoded: str, seps: frozenset[str], model: EnglishModel) -> bool:
    """A word of a shifted stretch without a shifted space that is more English as it stands."""
    if any(c in seps for c in original):
        return False
    return model.text_cost(" ".join(original.split())) < model.text_cost(decoded.strip())


#: A font change inside a word must make the reading this much cheaper to be believed.
FONT_CHANGE_GAIN = 6.0


def _font_change(
    original: str,
    decoded: str,
    seps: frozenset[str],
    k: int,
    model: EnglishModel,
    vocab: DocumentWords,
) -> str:
    """``decoded``, or the word read shifted up to some letter and plain after it, when that reads much
    better (``fkhŁewnties``: ``difŁcul`` shifted, ``ties`` plain)."""
    body = "".join(original.split())
    if len(body) < 6 or any(c in seps for c in body[:-1]) or "-" in body:
        return decoded
    end = body[-1] if body[-1] in seps else ""
    word = body[: len(body) - len(end)]
    tail_space = " " if end else ""
    base, _reading, cert, _how = best_reading(decoded.strip(), model, vocab)
    if cert == "high":
        return decoded
    best, best_cost = decoded, base - FONT_CHANGE_GAIN
    for p in range(2, len(word) - 1):
        cand = decode(word[:p], k) + word[p:]
        known = [
            model.cost_in(b, vocab)
            for _l, b, _t, _h in glyph_readings(cand)
            if b and model.known(b)
        ]
        cost = min(
            known, default=float("inf")
        )  # only a known word is evidence enough for a font change
        if cost < best_cost:
            best, best_cost = cand + tail_space, cost
    return best


def _clean_tail(word: str, k: int, model: EnglishModel) -> bool:
    """The last word of a shifted stretch, with no shifted space after it, that is a word as it stands."""
    if any(is_shifted_space(c, k) for c in word) or not word.isalpha():
        return False
    return model.known(word) >= spelling.MIN_FREQ and model.word_cost(word) < model.word_cost(
        decode(word, k)
    )

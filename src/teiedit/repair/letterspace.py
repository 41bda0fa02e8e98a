"""Letter-spaced runs: ``b e i n g f o r c e d`` -> ``being forced``.

Extraction that emits every glyph as its own word loses the real word spaces. The letters are joined and cut
into the sequence of words the English model finds most probable (dynamic programming over cut points, each word
costing ``EnglishModel.word_cost``). Punctuation stays where it was and is attached to the word before it;
straight double quotes alternate between opening and closing.
"""

from __future__ import annotations

from teiedit.repair import spelling
from teiedit.repair.model import OOV_PENALTY, DocumentWords, EnglishModel, char_cost
from teiedit.repair.shift import decode

MAX_WORD = 24


def segment(letters: str, model: EnglishModel, doc: DocumentWords | None = None) -> list[str]:
    """The most probable cut of ``letters`` (no spaces) into words and single punctuation marks."""
    return _segment(letters, model, doc or DocumentWords())[0]


def segment_cost(letters: str, model: EnglishModel, doc: DocumentWords | None = None) -> float:
    return _segment(letters, model, doc or DocumentWords())[1]


def _segment(letters: str, model: EnglishModel, doc: DocumentWords) -> tuple[list[str], float]:
    n = len(letters)
    best = [0.0] + [float("inf")] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        ch = letters[j - 1]
        if not ch.isalpha():
            best[j], back[j] = best[j - 1] + char_cost(ch), j - 1
            continue
        for i in range(max(0, j - MAX_WORD), j):
            piece = letters[i:j]
            if not piece.isalpha():
                continue
            cost = best[i] + _piece_cost(piece, model, doc)
            if cost < best[j]:
                best[j], back[j] = cost, i
    pieces: list[str] = []
    j = n
    while j > 0:
        pieces.append(letters[back[j] : j])
        j = back[j]
    return pieces[::-1], best[n]


#: Cost of a piece the word list does not know: the unknown-word penalty plus a flat cost per letter (cheaper
#: than spelling every candidate piece out, and long unknown pieces must lose against known words anyway).
UNKNOWN_LETTER_COST = 4.5


#: English has two one-letter words; the word list also counts ``s``, ``t``, ``d`` (split off contractions),
#: which must not become words of their own when a run is cut up (``Plenum s``).
ONE_LETTER_WORDS = frozenset("ai")
ONE_LETTER_PENALTY = 10.0


def _piece_cost(piece: str, model: EnglishModel, doc: DocumentWords) -> float:
    cost = doc.pieces.get(piece)
    if cost is None:
        cost = doc.pieces[piece] = _piece_cost_uncached(piece, model, doc)
    return cost


def _piece_cost_uncached(piece: str, model: EnglishModel, doc: DocumentWords) -> float:
    if len(piece) == 1 and piece.lower() not in ONE_LETTER_WORDS:
        return model.word_cost(piece) + ONE_LETTER_PENALTY
    if model.known(piece):
        return model.word_cost(piece)
    if piece in doc:  # a name the document uses elsewhere (``Pyeongyang``)
        return model.cost_in(piece, doc)
    return OOV_PENALTY + 4.0 + UNKNOWN_LETTER_COST * len(piece)


def join_words(pieces: list[str]) -> str:
    """Words and punctuation as prose: spaces between words, none before closing punctuation."""
    out: list[str] = []
    quotes = 0
    no_space_next = True
    for piece in pieces:
        if piece == '"':
            quotes += 1
            if quotes % 2 == 1:  # opening: space before, none after
                out.append((" " if out else "") + piece)
                no_space_next = True
            else:
                out.append(piece)
                no_space_next = False
            continue
        if piece in ("-", "/"):  # joins its neighbours: ``General-Lieutenant``
            out.append(piece)
            no_space_next = True
            continue
        if not piece[0].isalnum() and piece not in "([":
            out.append(piece)
            no_space_next = False
            continue
        out.append(piece if no_space_next else " " + piece)
        no_space_next = piece in "(["
    return "".join(out)


#: A cut is suspect where it produced a short rare piece (``unc erm on i ously``): the letters around it may be
#: one garbled word. Pieces this short and rarer than ``SHORT_RARE`` start a re-examination.
SHORT_PIECE = 3
SHORT_RARE = 1e-5
MAX_WINDOW = 5


def mend(pieces: list[str], model: EnglishModel, doc: DocumentWords) -> list[str]:
    """Re-join runs of pieces around a short rare piece when together they are one edit or two from a word.

    Segmentation alone cuts a garbled long word into short rare words; the near-word correction decides
    whether the letters are better read as that word (cost of the word plus edits against the pieces' cost).
    """
    out = list(pieces)
    i = 0
    while i < len(out):
        piece = out[i]
        if not (piece.isalpha() and len(piece) <= SHORT_PIECE and model.known(piece) < SHORT_RARE):
            i += 1
            continue
        best: tuple[float, int, int, str] | None = None
        for a in range(max(0, i - MAX_WINDOW + 1), i + 1):
            for b in range(i + 1, min(len(out), a + MAX_WINDOW) + 1):
                window = out[a:b]
                if len(window) < 2 or not all(p.isalpha() for p in window):
                    continue
                joined = "".join(window)
                if len(joined) < spelling.MIN_LEN_TWO_EDITS + 2:
                    continue
                near = spelling.correct(joined, model, doc)
                if not near:
                    continue
                word, _dist, cost = near
                saving = sum(model.cost_in(p, doc) for p in window) - cost
                if saving > 0 and (best is None or saving > best[0]):
                    best = (saving, a, b, spelling.match_case(joined, word))
        if best is None:
            i += 1
            continue
        _saving, a, b, word = best
        out[a:b] = [word]
        i = a + 1
    return out


#: At most this many glyphs at the start of a run may still belong to a shifted font (``k p v g t e s t s``
#: is ``inter`` shifted and ``ests`` plain: the font changed inside the word). Only a change inside a word is
#: believed: the letters before it must form one word with those after it.
MAX_SHIFTED_PREFIX = 8
PREFIX_WINDOW = 40
PREFIX_MARGIN = 3.0


def shifted_prefix(glyphs: str, k: int, model: EnglishModel, doc: DocumentWords) -> int:
    """How many leading glyphs of a run read better shifted back by ``k`` (0 if none clearly do)."""
    if not k:
        return 0
    window = glyphs[:PREFIX_WINDOW]
    base = segment_cost(window, model, doc)
    best_m, best_cost = 0, base - PREFIX_MARGIN
    for m in range(1, min(MAX_SHIFTED_PREFIX, len(window) - 1) + 1):
        pieces, cost = _segment(decode(window[:m], k) + window[m:], model, doc)
        if cost < best_cost and _crosses(pieces, m):
            best_m, best_cost = m, cost
    return best_m


def _crosses(pieces: list[str], m: int) -> bool:
    """True when one word of the cut spans the font change at glyph ``m`` with at least two letters on each
    side (``inter|ests``)."""
    pos = 0
    for piece in pieces:
        if pos + 2 <= m <= pos + len(piece) - 2:
            return True
        pos += len(piece)
    return False


def unspace(text: str, model: EnglishModel, doc: DocumentWords | None = None, k: int = 0) -> str:
    """The reading of a letter-spaced run as ordinary prose (``k``: the document's font shift, if any)."""
    doc = doc if doc is not None else DocumentWords()
    glyphs = "".join(text.split())
    done = doc.unspaced.get((glyphs, k))
    if done is None:
        m = shifted_prefix(glyphs, k, model, doc)
        pieces = segment(decode(glyphs[:m], k) + glyphs[m:], model, doc)
        done = doc.unspaced[glyphs, k] = join_words(mend(pieces, model, doc))
    return done

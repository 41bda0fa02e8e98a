"""Letter-spaced runs: ``b e i n g f o r c e d`` -> ``being forced``.

Extraction that emits every glyph as its own word loses the real word spaces. The letters are joined and cut
into the sequence of words the English model finds most probable (dynamic programming over cut points, each word
costing ``EnglishModel.word_cost``). Punctuation stays where it was and is attached to the word before it;
straight double quotes alternate between opening and closing.
"""

from __future__ import annotations

from teiedit.repair.model import OOV_PENALTY, EnglishModel, char_cost

MAX_WORD = 24


def segment(letters: str, model: EnglishModel) -> list[str]:
    """The most probable cut of ``letters`` (no spaces) into words and single punctuation marks."""
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
            cost = best[i] + _piece_cost(piece, model)
            if cost < best[j]:
                best[j], back[j] = cost, i
    pieces: list[str] = []
    j = n
    while j > 0:
        pieces.append(letters[back[j]:j])
        j = back[j]
    return pieces[::-1]


#: Cost of a piece the word list does not know: the unknown-word penalty plus a flat cost per letter (cheaper
#: than spelling every candidate piece out, and long unknown pieces must lose against known words anyway).
UNKNOWN_LETTER_COST = 4.5


def _piece_cost(piece: str, model: EnglishModel) -> float:
    if model.known(piece):
        return model.word_cost(piece)
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
        if not piece[0].isalnum() and piece not in "([":
            out.append(piece)
            no_space_next = False
            continue
        out.append(piece if no_space_next else " " + piece)
        no_space_next = piece in "(["
    return "".join(out)


def unspace(text: str, model: EnglishModel) -> str:
    """The reading of a letter-spaced run as ordinary prose."""
    return join_words(segment("".join(text.split()), model))

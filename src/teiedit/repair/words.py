"""The reading of one decoded word: debris glyphs resolved, near-words corrected, with a certainty."""

from __future__ import annotations

import re

from teiedit.repair import ligature, quotes, spelling
from teiedit.repair.model import DocumentWords, EnglishModel

_CERT_ORDER = ("high", "medium", "low")


def fix_word(
    core: str, model: EnglishModel, vocab: DocumentWords | None = None
) -> tuple[str, str, str]:
    """The reading of one decoded word: debris glyphs resolved, near-words corrected; with cert and method.

    Every way of reading the debris glyphs (as ligatures, an apostrophe, or quotation marks at the edges) is
    tried, each reading possibly corrected to a near word; the cheapest under the model wins.
    """
    vocab = vocab if vocab is not None else DocumentWords()
    parts = core.split()
    if len(parts) > 1:  # a separator inside one extraction word: fix each word
        fixed = [fix_word(p, model, vocab) for p in parts]
        cert = max((c for _, c, _ in fixed), key=_CERT_ORDER.index)
        return " ".join(r for r, _, _ in fixed), cert, "; ".join(m for _, _, m in fixed)
    if core == "i":  # the pronoun (the word list is lowercase)
        return "I", "high", "decoded"
    best = best_reading(core, model, vocab)
    return best[1], best[2], best[3]


def best_reading(
    core: str, model: EnglishModel, vocab: DocumentWords
) -> tuple[float, str, str, str]:
    """(cost, reading, cert, method) of the cheapest reading of one decoded word.

    When some reading of the debris glyphs is a known word, only such readings compete: a known word is
    better evidence than a near word found for another reading (and the search costs time).
    """
    done = vocab.readings.get(core)
    if done is None:
        done = vocab.readings[core] = _best_reading(core, model, vocab)
    return done


def _best_reading(
    core: str, model: EnglishModel, vocab: DocumentWords
) -> tuple[float, str, str, str]:
    options = glyph_readings(core)
    known = [
        r for r in options if r[1] and (model.known(r[1]) or not any(c.isalpha() for c in r[1]))
    ]
    best: tuple[float, str, str, str] | None = None
    for lead, body, trail, how in known or options:
        for cand in _word_candidates(body, model, vocab):
            cost, word, cert, note = cand
            option = (cost, lead + word + trail, cert, how + note)
            if best is None or option[0] < best[0]:
                best = option
    assert best is not None
    return best


#: Below this frequency a known word may still be a garbled form of a much more common one (``Howver``).
RARE = 1e-6
#: A ligature read in place of a letter must give a word at least this frequent (the cost then decides).
IN_PLACE_MIN = 1e-8
#: Cost of reading one letter of an unknown word as a ligature (``injuence`` -> ``influence``).
LIGATURE_EDIT_COST = 6.0


def _word_candidates(
    body: str, model: EnglishModel, vocab: DocumentWords
) -> list[tuple[float, str, str, str]]:
    """Readings of one word with their costs: as it is, a ligature in place of one letter, a near word."""
    if not body or not any(c.isalpha() for c in body):
        return [(0.0, body, "high", "")]
    own = model.cost_in(body, vocab)
    if body in vocab and not model.known(body):
        return [(own, body, "high", ", a word of the document")]
    f = model.known(body)
    out: list[tuple[float, str, str, str]] = [
        (own, body, "high" if f else "medium", "" if f else ", unknown word")
    ]
    if f >= RARE or not body.isascii():
        return out
    if body.isalpha() and len(body) >= 3:
        low = body.lower()
        for i in range(len(low)):
            for lig in ligature.IN_PLACE:
                cand = low[:i] + lig + low[i + 1 :]
                if model.known(cand) >= IN_PLACE_MIN:
                    # the glyph replaced carries no case of its own: ``Jve`` is ``five``
                    template = body[1:] if i == 0 and len(body) > 1 else body
                    out.append(
                        (
                            model.cost_in(cand, vocab) + LIGATURE_EDIT_COST,
                            spelling.match_case(template, cand),
                            "medium",
                            ", ligature in place of a letter",
                        )
                    )
    near = spelling.correct(body, model, vocab) if body.isalpha() else None
    if near:
        word, dist, cost = near
        out.append(
            (
                cost,
                spelling.match_case(body, word),
                "medium" if dist == 1 else "low",
                f", near-word ({dist} edit{'s' if dist > 1 else ''})",
            )
        )
    return out


_PUNCT_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.DOTALL)


def glyph_readings(core: str) -> list[tuple[str, str, str, str]]:
    """Ways of reading a decoded word: (leading punctuation, word, trailing punctuation, method)."""
    m = _PUNCT_EDGE.match(core)
    assert m is not None
    lead, body, trail = m.groups()
    out: list[tuple[str, str, str, str]] = []
    # Debris at the edges of the word: a quotation mark, or a ligature belonging to the word.
    q_lead = len(body) - len(body.lstrip("".join(c for c in body if quotes.is_debris(c))))
    i = 0
    while i < len(body) and quotes.is_debris(body[i]):
        i += 1
    j = len(body)
    while j > i and quotes.is_debris(body[j - 1]):
        j -= 1
    del q_lead
    variants = [(lead, body, trail, "decoded")]
    # A ligature glyph that extracted as a symbol (``£ngu``: ``£`` stands for ``fi``) sits at the word's edge
    # as if it were punctuation: read it as part of the word too.
    a = len(lead) - len(
        lead.rstrip("".join(c for c in lead if not c.isascii() and not c.isspace()))
    )
    b = len(trail) - len(
        trail.lstrip("".join(c for c in trail if not c.isascii() and not c.isspace()))
    )
    if (a or b) and body:
        variants.append(
            (lead[: len(lead) - a], lead[len(lead) - a :] + body + trail[:b], trail[b:], "decoded")
        )
    if i or j < len(body):
        inner = body[i:j]
        inner_m = _PUNCT_EDGE.match(inner)
        assert inner_m is not None
        il, ib, it = inner_m.groups()
        variants.append(
            (
                lead + quotes.OPEN_QUOTE * i + il,
                ib,
                it + quotes.CLOSE_QUOTE * (len(body) - j) + trail,
                "decoded, quotes",
            )
        )
    for vl, vb, vt, how in variants:
        out.append((vl, vb, vt, how))
        if ligature.placeholder_positions(vb):
            for reading in ligature.readings(vb):
                out.append((vl, reading, vt, how + ", ligature"))
    return out

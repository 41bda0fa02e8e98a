"""Repair of PDF-extraction damage in plain strings: what is damaged, what it should read, how sure we are.

``find_repairs(text, shift)`` returns non-overlapping ``Repair`` records (character offsets into ``text``); the
TEI pass (``teiedit.transforms.repair``) turns them into ``choice/sic+corr`` so that every repair can be seen and
undone. ``document_shift(texts)`` decides, once per document, which font shift (if any) the damage uses.

The parts: ``model`` (the English language model and the document's own words), ``detect`` (which stretches
are damaged: a hidden Markov model over tokens), ``shift`` (undoing shifted fonts, finding the offset),
``letterspace`` (re-cutting letter-spaced runs into words), ``ligature`` and ``quotes`` (glyph debris, in damaged
words and in clean text), ``spelling`` (near-word correction of garbled words), ``hyphenation`` (words broken
across a line), ``across_blocks`` (words broken across a paragraph or page break: works on the TEI tree, run
by the pass after the repairs of each block), ``debris`` (raw PDF operators). Every decision compares costs under the English model; there
are no lists of expected words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from teiedit.repair import ligature, quotes, spelling
from teiedit.repair.debris import find_debris
from teiedit.repair.detect import SHIFTED, SPACED, Stretch, label
from teiedit.repair.hyphenation import find_hyphenation
from teiedit.repair.letterspace import unspace
from teiedit.repair.model import DocumentWords, EnglishModel, english
from teiedit.repair.shift import SMART_SPACE, best_shift, decode, is_shifted_space

__all__ = ["Repair", "document_shift", "document_words", "english", "find_repairs"]


@dataclass(frozen=True)
class Repair:
    """One repaired span: ``text[start:end]`` (the damaged original) should read ``reading``."""

    start: int
    end: int
    original: str
    reading: str
    #: shift | letterspace | ligature | quote | hyphenation | debris
    type: str
    #: high | medium | low
    cert: str
    #: How the reading was reached (for the report): e.g. "decoded", "ligature", "near-word (1 edit)".
    method: str

    def to_json(self) -> dict[str, object]:
        return {
            "original": self.original,
            "reading": self.reading,
            "type": self.type,
            "cert": self.cert,
            "method": self.method,
        }


#: Stands between two blocks of one text (the items of a list inside a paragraph-like element): white space
#: to the finders, never part of a word, not a line break (no hyphenation is joined across it).
BLOCK_BREAK = "\u2029"

_SUSPECT = re.compile(r"(?<!\S)(?:\S )+\S(?!\S)|\S{3,}")


def document_shift(texts: list[str], model: EnglishModel | None = None) -> int:
    """The font shift of a document's damaged text, or 0 when shifting back helps nothing.

    The suspects are the tokens the word list does not know; the offset that makes them most English wins
    (``shift.best_shift``). Clean text yields 0: its unknown words are names, which no shift improves.
    """
    model = model or english()
    suspects: list[str] = []
    for text in texts:
        for m in _SUSPECT.finditer(text):
            tok = "".join(m.group(0).split())  # a letter-spaced run counts as one token
            if len(tok) < 3:
                continue
            core = "".join(c for c in tok if c.isalpha()).lower()
            if not core or not model.known(core) or not tok.isascii():
                suspects.append(tok)
    k, _count = best_shift(suspects, model)
    return k


def document_words(texts: list[str]) -> DocumentWords:
    """The words of a document, counted (lowercased): the document's own evidence for readings."""
    return DocumentWords(Counter(w.lower() for text in texts for w in _ALPHA.findall(text)))


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
    repairs: list[Repair] = list(find_debris(text))
    taken = [(r.start, r.end) for r in repairs]
    for stretch in label(text, k, model):
        if any(a < stretch.end and stretch.start < b for a, b in taken):
            continue
        if stretch.state == SHIFTED:
            repairs.extend(_shifted_words(text, stretch, k, model, vocab))
        elif stretch.state == SPACED:
            repairs.append(_spaced_run(text, stretch, k, model, vocab))
    taken = [(r.start, r.end) for r in repairs]
    repairs.extend(ligature.find_in_clean_text(text, model, taken))
    taken = [(r.start, r.end) for r in repairs]
    repairs.extend(quotes.find_in_clean_text(text, model, taken))
    taken = [(r.start, r.end) for r in repairs]
    for r in find_hyphenation(text, model):
        if not any(a < r.end and r.start < b for a, b in taken):
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
    base = {c for c in chunk if is_shifted_space(c, k)}
    base |= set(SMART_SPACE)
    counts: dict[str, int] = {}
    for c in chunk:
        if (
            not c.isalnum()
            and not c.isspace()
            and c.isascii()
            and c not in base
            and c != "-"
            and not decode(c, k).isalnum()
            and decode(c, k) not in _PROSE_PUNCT
        ):
            counts[c] = counts.get(c, 0) + 1
    squeezed = "".join(chunk.split())

    def reading(seps: set[str]) -> str:
        return "".join(" " if c in seps else decode(c, k) for c in squeezed)

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
    i = s.start
    while i < s.end:
        while i < s.end and text[i].isspace():
            i += 1
        if i >= s.end:
            break
        j = i
        while j < s.end and text[j] not in seps and text[j] != BLOCK_BREAK:
            j += 1
        end = j if j < s.end and text[j] == BLOCK_BREAK else min(j + 1, s.end)
        core = "".join(text[i:end].split())
        if all(c in seps for c in core) and spans:
            spans[-1] = (spans[-1][0], end)  # a lone shifted space belongs to the word before it
        else:
            spans.append((i, end))
        i = end
    out: list[Repair] = []
    for n, (a, b) in enumerate(spans):
        original = text[a:b]
        if n == len(spans) - 1 and _clean_tail(original, k, model):
            continue  # clean text glued to the shifted stretch (``vjg"September``)
        decoded = _font_change(
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
    base, _reading, cert, _how = _best_reading(decoded.strip(), model, vocab)
    if cert == "high":
        return decoded
    best, best_cost = decoded, base - FONT_CHANGE_GAIN
    for p in range(2, len(word) - 1):
        cand = decode(word[:p], k) + word[p:]
        known = [
            model.cost_in(b, vocab) for _l, b, _t, _h in _readings(cand) if b and model.known(b)
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


_CERT_ORDER = ("high", "medium", "low")
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
    best = _best_reading(core, model, vocab)
    return best[1], best[2], best[3]


def _best_reading(
    core: str, model: EnglishModel, vocab: DocumentWords
) -> tuple[float, str, str, str]:
    """(cost, reading, cert, method) of the cheapest reading of one decoded word.

    When some reading of the debris glyphs is a known word, only such readings compete: a known word is
    better evidence than a near word found for another reading (and the search costs time).
    """
    readings = _readings(core)
    known = [
        r for r in readings if r[1] and (model.known(r[1]) or not any(c.isalpha() for c in r[1]))
    ]
    best: tuple[float, str, str, str] | None = None
    for lead, body, trail, how in known or readings:
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


def _readings(core: str) -> list[tuple[str, str, str, str]]:
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

"""Repair of PDF-extraction damage in plain strings: what is damaged, what it should read, how sure we are.

``find_repairs(text, shift)`` returns non-overlapping ``Repair`` records (character offsets into ``text``); the
TEI pass (``teiedit.transforms.repair``) turns them into ``choice/sic+corr`` so that every repair can be seen and
undone. ``document_shift(texts)`` decides, once per document, which font shift (if any) the damage uses.

The parts: ``model`` (the English language model), ``detect`` (which stretches are damaged), ``shift`` (undoing
shifted fonts), ``letterspace`` (re-cutting letter-spaced runs into words), ``ligature`` and ``quotes`` (glyph
debris inside damaged words), ``spelling`` (near-word correction), ``debris`` (raw PDF operators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teiedit.repair import ligature, quotes, spelling
from teiedit.repair.debris import find_debris
from teiedit.repair.detect import SHIFTED, SPACED, Stretch, label
from teiedit.repair.letterspace import unspace
from teiedit.repair.model import OOV_PENALTY, EnglishModel, english
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


def document_words(texts: list[str]) -> frozenset[str]:
    """The words of a document (lowercased): a decoded word found among them is attested, not garbled."""
    return frozenset(w.lower() for text in texts for w in _ALPHA.findall(text))


_ALPHA = re.compile(r"[^\W\d_]{2,}")


def find_repairs(
    text: str, k: int, model: EnglishModel | None = None, vocab: frozenset[str] = frozenset()
) -> list[Repair]:
    """The repairs of one text (a paragraph, a heading, ...), in order and non-overlapping.

    ``vocab``: the document's own words (``document_words``); a decoded word among them is taken as it is
    (a name such as ``Changik`` is not "corrected" to a dictionary word).
    """
    model = model or english()
    repairs: list[Repair] = list(find_debris(text))
    taken = [(r.start, r.end) for r in repairs]
    for stretch in label(text, k, model):
        if any(a < stretch.end and stretch.start < b for a, b in taken):
            continue
        if stretch.state == SHIFTED:
            repairs.extend(_shifted_words(text, stretch, k, model, vocab))
        elif stretch.state == SPACED:
            repairs.append(_spaced_run(text, stretch, model))
    repairs.sort(key=lambda r: r.start)
    return repairs


def _spaced_run(text: str, s: Stretch, model: EnglishModel) -> Repair:
    original = text[s.start:s.end]
    return Repair(s.start, s.end, original, unspace(original, model), "letterspace", "medium", "segmented")


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
        if (not c.isalnum() and not c.isspace() and c.isascii() and c not in base
                and not decode(c, k).isalnum() and decode(c, k) not in _PROSE_PUNCT):
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
    text: str, s: Stretch, k: int, model: EnglishModel, vocab: frozenset[str]
) -> list[Repair]:
    """Cut a shifted stretch into words at its shifted spaces and decode each word."""
    seps = _separators(text[s.start:s.end], k, model)
    spans: list[tuple[int, int]] = []
    i = s.start
    while i < s.end:
        while i < s.end and text[i].isspace():
            i += 1
        if i >= s.end:
            break
        j = i
        while j < s.end and text[j] not in seps:
            j += 1
        end = min(j + 1, s.end)
        core = "".join(text[i:end].split())
        if all(c in seps for c in core) and spans:
            spans[-1] = (spans[-1][0], end)  # a lone shifted space belongs to the word before it
        else:
            spans.append((i, end))
        i = end
    out: list[Repair] = []
    for a, b in spans:
        original = text[a:b]
        mapped = "".join(
            c if c.isspace() else "\x00" if c in seps
            else "-" if c == "-" and (p + 1 == len(original) or original[p + 1].isspace())  # line-break hyphen
            else decode(c, k)
            for p, c in enumerate(original)
        )
        decoded = _squeeze(mapped).replace("\x00", " ")
        needs_space = decoded.endswith(" ") and b < len(text) and not text[b].isspace()
        core = decoded.strip()
        if not core:
            continue
        reading, cert, method = fix_word(core, model, vocab)
        out.append(Repair(a, b, original, reading + (" " if needs_space else ""), "shift", cert, method))
    return out


_CERT_ORDER = ("high", "medium", "low")
#: Decoded characters that are ordinary punctuation and so never stand for a space.
_PROSE_PUNCT = frozenset(".,;:!?-'\"()[]")


def _squeeze(s: str) -> str:
    """Drop the extraction's spurious spaces, except between a letter and a digit (``qp 3:`` is ``on 18``)."""
    parts = s.split()
    out = parts[0] if parts else ""
    for p in parts[1:]:
        if out and (out[-1].isalpha() and p[0].isdigit() or out[-1].isdigit() and p[0].isalpha()):
            out += " "
        out += p
    return out


def fix_word(core: str, model: EnglishModel, vocab: frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """The reading of one decoded word: debris glyphs resolved, near-words corrected; with cert and method.

    Every way of reading the debris glyphs (as ligatures, an apostrophe, or quotation marks at the edges) is
    tried, each reading possibly corrected to a near word; the cheapest under the model wins.
    """
    parts = core.split()
    if len(parts) > 1:  # a separator inside one extraction word: fix each word
        fixed = [fix_word(p, model, vocab) for p in parts]
        cert = max((c for _, c, _ in fixed), key=_CERT_ORDER.index)
        return " ".join(r for r, _, _ in fixed), cert, "; ".join(m for _, _, m in fixed)
    if core == "i":  # the pronoun (the word list is lowercase)
        return "I", "high", "decoded"
    best: tuple[float, str, str, str] | None = None
    for lead, body, trail, how in _readings(core):
        for cand in _word_candidates(body, model, vocab):
            cost, word, cert, note = cand
            option = (cost, lead + word + trail, cert, how + note)
            if best is None or option[0] < best[0]:
                best = option
    assert best is not None
    return best[1], best[2], best[3]


#: Below this frequency a known word may still be a garbled form of a much more common one (``Howver``).
RARE = 1e-6
#: Cost of reading one letter of an unknown word as a ligature (``injuence`` -> ``influence``).
LIGATURE_EDIT_COST = 6.0


def _word_candidates(
    body: str, model: EnglishModel, vocab: frozenset[str]
) -> list[tuple[float, str, str, str]]:
    """Readings of one word with their costs: as it is, a ligature in place of one letter, a near word."""
    if not body or not any(c.isalpha() for c in body):
        return [(0.0, body, "high", "")]
    own = model.word_cost(body)
    if body.lower() in vocab and not model.known(body):
        return [(own - OOV_PENALTY, body, "high", ", a word of the document")]
    f = model.known(body)
    out: list[tuple[float, str, str, str]] = [(own, body, "high" if f else "medium", "" if f else ", unknown word")]
    if f >= RARE or not body.isascii():
        return out
    if body.isalpha() and len(body) >= 3:
        low = body.lower()
        for i in range(len(low)):
            for lig in ligature.LIGATURES:
                cand = low[:i] + lig + low[i + 1:]
                if model.known(cand) >= RARE:
                    # the glyph replaced carries no case of its own: ``Jve`` is ``five``
                    template = body[1:] if i == 0 and len(body) > 1 else body
                    out.append((model.word_cost(cand) + LIGATURE_EDIT_COST, spelling.match_case(template, cand),
                                "medium", ", ligature in place of a letter"))
    near = spelling.correct(body, model, vocab) if body.isalpha() else None
    if near:
        word, dist = near
        out.append((model.word_cost(word) + spelling.EDIT_COST * dist, spelling.match_case(body, word),
                     "medium" if dist == 1 else "low", f", near-word ({dist} edit{'s' if dist > 1 else ''})"))
    return out


_PUNCT_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)


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
    if i or j < len(body):
        inner = body[i:j]
        inner_m = _PUNCT_EDGE.match(inner)
        assert inner_m is not None
        il, ib, it = inner_m.groups()
        variants.append((
            lead + quotes.OPEN_QUOTE * i + il, ib,
            it + quotes.CLOSE_QUOTE * (len(body) - j) + trail, "decoded, quotes",
        ))
    for vl, vb, vt, how in variants:
        out.append((vl, vb, vt, how))
        if ligature.placeholder_positions(vb):
            for reading in ligature.readings(vb):
                out.append((vl, reading, vt, how + ", ligature"))
    return out

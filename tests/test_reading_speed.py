"""The fast paths of conversion give what the plain walks gave: the original reading, the overlap test
of taken spans (a sorted prefix maximum), the damage detector's written-out Viterbi, the labeller's
searches tried only on texts that hold the words they need."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from lxml import etree

from teiedit.document import SOURCE_MARKS, TEI_NS, is_teiedit_note, original_reading
from teiedit.repair import detect
from teiedit.repair.model import english
from teiedit.repair.record import Spans

REPO = Path(__file__).resolve().parents[1]
_NOT_ORIGINAL = {"corr", "reg", "expan", "ex"}


def reference_reading(el: etree._Element) -> str:
    """The original reading as the plain recursive walk ``original_reading`` was before it was tuned."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str):
            in_tei = etree.QName(node).namespace == TEI_NS
            name = etree.QName(node).localname
            if not (in_tei and (name in _NOT_ORIGINAL or is_teiedit_note(node))):
                tokens = (node.get("rend") or "").split() if in_tei else []
                marks = [SOURCE_MARKS[t] for t in tokens if t in SOURCE_MARKS]
                parts.extend(before for before, _ in marks)
                parts.append(node.text or "")
                for child in node:
                    walk(child)
                parts.extend(after for _, after in reversed(marks))
        parts.append(node.tail or "")

    parts.append(el.text or "")
    for child in el:
        walk(child)
    return "".join(parts)


def test_original_reading_of_every_element_of_the_edition() -> None:
    files = sorted((REPO / "tei").glob("*.xml"))
    assert files
    seen = 0
    for path in files:
        for el in etree.parse(str(path)).getroot().iter():
            if isinstance(el.tag, str):
                assert original_reading(el) == reference_reading(el), (path.name, el.tag)
                seen += 1
    assert seen > 1000


def test_original_reading_gives_marks_back_and_leaves_editorial_text_out() -> None:
    el = etree.fromstring(
        f'<text xmlns="{TEI_NS}" xmlns:o="urn:other">a<hi rend="italic mark-asterisk">b'
        '<corr rend="brackets">X</corr>c</hi>d<!--comment-->e<?pi x?>f'
        '<supplied rend="brackets mark-underscore2">g<note resp="#teiedit">N</note><note>n</note>'
        '</supplied><o:corr rend="brackets">o</o:corr><hi rend="mark-asterisk2\u00a0brackets">nb</hi>'
        '<hi rend="  brackets   mark-underscore ">sp</hi><gap rend="brackets"/>&#13;<reg>r</reg>'
        "<ex>e</ex><expan>x</expan>end</text>"
    )
    expected = "a*bc*def[__gn__]o**[nb]**[_sp_][]\rend"
    assert reference_reading(el) == expected
    assert original_reading(el) == expected
    assert original_reading(etree.fromstring(f'<p xmlns="{TEI_NS}"/>')) == ""


def test_spans_overlap_as_a_scan_of_every_span_says() -> None:
    rng = random.Random(14)
    asked = 0
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(0, 100)
            spans.append((a, a + rng.randrange(0, 30)))
        taken = Spans(spans)
        for _ in range(30):
            s = rng.randrange(0, 120)
            e = s + rng.randrange(0, 20)
            assert taken.overlaps(s, e) == any(a < e and s < b for a, b in spans)
            asked += 1
    assert asked == 6000


def _reference_path(words: list[str], k: int) -> list[int]:
    """The Viterbi recurrence over the states in use, as the detector first wrote it."""
    model = english()
    states = detect.STATES if k else (detect.CLEAN, detect.SPACED)
    inf = float("inf")
    cost = [[inf] * 3 for _ in words]
    back = [[0] * 3 for _ in words]
    prev = ""
    for i, tok in enumerate(words):
        emit = detect._emissions(tok, prev[-2:], k, model)
        for s in states:
            if emit[s] == inf:
                continue
            if i == 0:
                cost[i][s] = emit[s]
                continue
            best, arg = inf, 0
            for r in states:
                c = cost[i - 1][r] + detect.SWITCH[r][s]
                if c < best:
                    best, arg = c, r
            cost[i][s] = best + emit[s]
            back[i][s] = arg
        prev = tok
    path = [0] * len(words)
    path[-1] = min(states, key=lambda s: cost[-1][s])
    for i in range(len(words) - 1, 0, -1):
        path[i - 1] = back[i][path[i]]
    return path


@pytest.mark.parametrize("k", [0, 2])
def test_the_written_out_viterbi_is_the_recurrence(k: int) -> None:
    text = (REPO / "sources" / "bulletin-cwihp-1956-crisis-documents.txt").read_text("utf-8")
    words = text.split()
    damaged = 0
    for start in range(0, len(words), 400):
        chunk = words[start : start + 400]
        path = detect._viterbi(chunk, k, english())
        assert path == _reference_path(chunk, k)
        damaged += any(path)
    assert damaged > 0


def test_glyph_tokens_are_the_tokens_with_a_character_outside_ascii() -> None:
    from teiedit.repair.ligature import glyph_tokens

    rng = random.Random(14)
    alphabet = "ab .,\t\n\u2029\xa0Łøé“”-"
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        expected = [m.span() for m in re.finditer(r"\S+", text) if not m.group(0).isascii()]
        assert glyph_tokens(text) == expected, repr(text)
        found += len(expected)
    assert found > 1000


def test_gated_searches_answer_as_their_patterns() -> None:
    from teiedit.readers.cascade.features import _COPY, _DESCRIBES

    rng = random.Random(14)
    words = (
        "this the present following document THIS Document DISCUSSES argue we i essay copyright © "
        "all rights reserved public domain analyses analyZes sheds light Note post "
        "\u017f \u0130 \u0131 \u212a x, ; .".split()
    )
    found = asked = 0
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 8)))
        text = text.replace("s", "\u017f") if rng.random() < 0.05 else text
        for gated in (_DESCRIBES, _COPY):
            answer = gated.search(text)
            assert answer == (gated.pattern.search(text) is not None), text
            found += answer
            asked += 1
    assert asked == 40000
    assert 2000 < found < 38000  # both answers were given many times


def test_the_word_before_a_name_is_the_one_the_whole_window_gives() -> None:
    from teiedit.entities import context

    rng = random.Random(14)
    alphabet = "aZé1_'’\u2010-. \t\n\xa0,(/"
    found = 0
    for _ in range(20000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 90)))
        start = rng.randrange(0, len(raw) + 1)
        for same_line in (False, True):
            rx = context._BEFORE_ON_LINE if same_line else context._BEFORE
            m = rx.search(raw, max(0, start - 60), start)  # every place of the window tried
            expected = m.group(1) if m else ""
            assert context.word_before(raw, start, same_line=same_line) == expected, (raw, start)
            found += bool(expected)
    assert found > 1000


def test_a_conversion_sets_older_objects_aside_and_gives_them_back() -> None:
    import gc

    from teiedit.pipeline.collector import older_objects_set_aside

    seen: list[int] = []

    @older_objects_set_aside
    def convert() -> str:
        seen.append(gc.get_freeze_count())
        return "done"

    assert gc.get_freeze_count() == 0
    assert convert() == "done"
    # set aside while it ran, given back after
    assert seen[-1] > 1000 and gc.get_freeze_count() == 0
    gc.freeze()  # a process that freezes objects itself is left as it is
    try:
        frozen = gc.get_freeze_count()
        assert convert() == "done" and gc.get_freeze_count() == frozen == seen[-1]
    finally:
        gc.unfreeze()
    gc.disable()  # and so is one that turned the collector off
    try:
        assert convert() == "done" and seen[-1] == 0 and not gc.isenabled()
    finally:
        gc.enable()


def test_quoted_stretches_are_found_as_by_the_pattern_that_looks_behind_first() -> None:
    from teiedit.repair.quotes import _QUOTED

    # the pattern as first written: the token's start looked behind for before the glyph
    first = re.compile(
        _QUOTED.pattern.replace(r"([^\x00-\x7f\s])(?<!\S.)", r"(?<!\S)([^\x00-\x7f\s])")
    )
    assert first.pattern != _QUOTED.pattern
    rng = random.Random(14)
    alphabet = "ab .,\t\n\u2029\xa0Łøō“”-A"
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        expected = [(m.span(), m.groups()) for m in first.finditer(text)]
        assert [(m.span(), m.groups()) for m in _QUOTED.finditer(text)] == expected, repr(text)
        found += len(expected)
    assert found > 100


def test_generic_references_are_found_as_by_the_pattern_with_a_word_boundary_first() -> None:
    from teiedit.entities.generic import _GENERIC

    first = re.compile(_GENERIC.pattern.replace(r"[Tt](?<!\w.)he\s+", r"\b[Tt]he\s+"))
    assert first.pattern != _GENERIC.pattern
    rng = random.Random(14)
    pieces = ["the ", "The ", "xthe ", "the Party", " the Army", "Party", "CC", " ", "\n", "-", "."]
    pieces += ["of ", "[x]", "é", "1"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        expected = [(m.span(), m["head"]) for m in first.finditer(text)]
        assert [(m.span(), m["head"]) for m in _GENERIC.finditer(text)] == expected, repr(text)
        found += len(expected)
    assert found > 100


def test_furniture_is_told_as_by_reading_every_letter_first() -> None:
    from teiedit.document import E
    from teiedit.repair.across_blocks import RUNNING_HEAD_WORDS, furniture_type

    def reference(text: str) -> str | None:
        """``furniture_type`` as it was: every letter read before the words were counted."""
        text = text.strip()
        if re.fullmatch(r"[^\w\s]{0,3}\s*\d{1,4}\s*[^\w\s]{0,3}", text):
            return "pageNum"
        letters = [c for c in text if c.isalpha()]
        if (
            len(letters) >= 3
            and all(c.isupper() for c in letters)
            and len(text.split()) <= RUNNING_HEAD_WORDS
        ):
            return "header"
        return None

    rng = random.Random(14)
    words = ["THE", "COLD", "WAR", "Cold", "12", "-", "IV", "x", ".", "\u2029", "Ł", "ÉTÉ"]
    seen: dict[str | None, int] = {}
    for _ in range(4000):
        n = rng.choice(
            [0, 1, 3, RUNNING_HEAD_WORDS - 1, RUNNING_HEAD_WORDS, RUNNING_HEAD_WORDS + 1]
        )
        text = rng.choice(["", " ", "\n"]).join(rng.choice(words) for _ in range(n))
        text = " ".join(text.split(" ")) if rng.random() < 0.5 else text.replace(" ", "  \t")
        expected = reference(text)
        assert furniture_type(E.p(text)) == expected, repr(text)
        seen[expected] = seen.get(expected, 0) + 1
    assert min(seen.get(kind, 0) for kind in ("pageNum", "header", None)) > 50
    # at the limit and one word past it
    assert furniture_type(E.p(" \n".join(["WAR"] * RUNNING_HEAD_WORDS))) == "header"
    assert furniture_type(E.p(" ".join(["WAR"] * (RUNNING_HEAD_WORDS + 1)))) is None


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), the whole table: near_distance's reference."""
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


def test_near_distance_is_the_distance_up_to_two() -> None:
    from itertools import product

    from teiedit.repair.spelling import near_distance

    # every pair of words of up to four letters from two, and of up to three from three
    words = ["".join(p) for n in range(5) for p in product("ab", repeat=n)]
    words += ["".join(p) for n in range(4) for p in product("abc", repeat=n) if "c" in p]
    told: dict[int, int] = {}
    for a in words:
        for b in words:
            expected = min(distance(a, b), 3)
            assert near_distance(a, b) == expected, (a, b)
            told[expected] = told.get(expected, 0) + 1
    assert min(told.get(d, 0) for d in range(4)) > 50  # every answer given many times
    rng = random.Random(14)
    for _ in range(1000):  # longer words, two or three edits apart, with their common ends
        a = "".join(rng.choice("abcde") for _ in range(rng.randrange(4, 14)))
        b = list(a)
        for _ in range(rng.randrange(1, 4)):
            if not b:
                break
            at = rng.randrange(len(b))
            b[at : at + 2] = rng.choice(
                [b[at + 1 : at + 2] + b[at : at + 1], ["x"], [], ["y", b[at]]]
            )
        assert near_distance(a, "".join(b)) == min(distance(a, "".join(b)), 3), (a, b)

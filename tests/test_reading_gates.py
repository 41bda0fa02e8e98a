"""Searches tried only on texts that can match give the plain searches' answers: the furniture rules
that scan a whole text for their words, a block's furniture reason asked again (cached), the forms of
numbered note calls scanned only in texts that hold their marks, and the labeller's features searched only
in texts with the characters they need."""

from __future__ import annotations

import random


def test_furniture_rules_tried_on_texts_with_their_words_answer_as_their_patterns() -> None:
    from teiedit.readers.common.boilerplate import RULES, _NeedsWords

    gated = [rx for rx, _ in RULES if isinstance(rx, _NeedsWords)]
    assert len(gated) == 4
    rng = random.Random(14)
    words = [w for rx in gated for need in rx.needs for w in need.split()] + (
        "ALL Rights RESERVED Add CART USD 12.50 £ • \n DMCA Accessed: Hostname: Stable URL: "
        "\u017f \u0130 \u0131 \u212a text the , . : reduce spam".split(" ")
    )
    found = asked = 0
    for _ in range(20000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 9)))
        text = text.replace("s", "\u017f") if rng.random() < 0.05 else text
        for rx in gated:
            answer = rx.match(text) is not None
            assert answer == (rx.pattern.match(text) is not None), (rx.pattern.pattern, text)
            found += answer
            asked += 1
    assert asked == 80000
    assert 1000 < found < 76000  # both answers were given many times


def test_a_blocks_furniture_reason_is_the_first_rule_its_text_or_one_line_form_matches() -> None:
    from teiedit.readers.common.boilerplate import (
        RULES,
        _NeedsWords,
        _text_reason,
        boilerplate_reason,
    )
    from teiedit.readers.common.lines import Block

    def first_rule(
        block: Block,
    ) -> str | None:  # the rule loop as first written: both forms, every rule
        for rx, reason in RULES:
            pattern = rx.pattern if isinstance(rx, _NeedsWords) else rx
            if pattern.match(block.one_line) or pattern.match(block.text):
                return reason
        return None

    texts = [
        "Skip to content",
        "Log in | Register",
        "Log  in\n| Register",
        "© 2024 Archive.  All rights reserved by the archive",
        "Stable URL:  http://example.org/x",
        "12,345",
        "Dear Sir,",
        "The meeting was held on 12 May 1956 in Pyongyang.",
        "Download\nPDF",
        "Leave a\ncomment",
        "x" * 401,
    ]
    found = 0
    for text in texts:
        _text_reason.cache_clear()
        block = Block(3, text)
        expected = first_rule(block) if len(block.one_line) <= 400 else None
        answer = boilerplate_reason(block)
        if expected is not None:
            assert answer == expected, text
            found += 1
        else:  # no rule, and none of the later tests (links, bullets, short lines) speaks
            assert answer is None, (text, answer)
        assert boilerplate_reason(Block(7, text)) == answer  # asked again (cached): the same answer
    assert found >= 6


def test_numbered_calls_scanned_only_in_texts_with_their_marks_are_every_call() -> None:
    from teiedit.readers.cascade import notelink
    from teiedit.readers.cascade.model import Labelled
    from teiedit.readers.cascade.segment_type import Segment

    rng = random.Random(14)
    found_by_form: dict[int, int] = {}
    pieces = "word Word. x 1 12 [3] word[3] (4) ibid.(14) <sup>5</sup> <sup> 6 </sup> ^[\\[7\\]](#n7)^ ²³ ¹ . , ” ) A".split()
    for _ in range(300):
        texts = []
        for k in range(3):
            text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
            seg = Segment(
                100 * k, 100 * k + len(text), text, k + 1, k + 1, True, True, False, 1, 0, k, False
            )
            texts.append(Labelled(seg=seg, label="p", confidence=1.0))
        expected: dict[str, list[tuple[int, int, int, bool]]] = {}
        last = len(notelink._NUMERIC_CALLS) - 1
        for k, block in enumerate(texts):  # every form scanned in every text
            for idx, rx in enumerate(notelink._NUMERIC_CALLS):
                for m in rx.finditer(block.text):
                    n = m["n"].translate(notelink.SUPERSCRIPTS)
                    expected.setdefault(n, []).append((k, m.start(), m.end(), idx == last))
        for calls in expected.values():
            calls.sort()
        assert notelink._numeric_calls(texts) == expected
        for calls in expected.values():
            for k, a, _, _ in calls:
                form = next(
                    i for i, rx in enumerate(notelink._NUMERIC_CALLS) if rx.match(texts[k].text, a)
                )
                found_by_form[form] = found_by_form.get(form, 0) + 1
    assert sorted(found_by_form) == [0, 1, 2, 3, 4, 5]  # every form, the three gated ones included
    assert min(found_by_form.values()) > 20


def test_features_searched_only_in_texts_with_the_characters_they_need_are_the_patterns() -> None:
    from teiedit.readers.cascade import features
    from teiedit.readers.cascade.segment_type import Segment

    plain = {
        "year": (features._YEAR, 300),
        "roman_date": (features._ROMAN_DATE, 200),
        "email": (features._EMAIL, 300),
        "path": (features._PATH, 300),
        "markdown": (features._MARKDOWN, 300),
    }
    rng = random.Random(14)
    pieces = (
        "word Word 1956 2024 12.IV.56 3 / IV a@b [email protected] [x] a/b/ C:\\ ../ # ## > ** **x** "
        "{.cls} ](u) ::: --- * * * - : { . ١٩٥٦".split(" ")
    )
    seen: dict[str, int] = {}
    for _ in range(3000):
        text = rng.choice(["", " "]).join(rng.choice(pieces) for _ in range(rng.randrange(1, 8)))
        seg = Segment(0, len(text), text, 1, 1, True, True, False, 1, 0, 0, False)
        if not seg.one_line:
            continue
        own = set(features.own_features(seg))
        for name, (rx, head) in plain.items():
            expected = rx.search(seg.one_line[:head]) is not None
            assert (name in own) == expected, (name, text)
            seen[name] = seen.get(name, 0) + expected
    assert (
        sorted(seen) == sorted(plain) and min(seen.values()) > 50
    )  # each feature given many times

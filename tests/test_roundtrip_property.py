"""Property: for generated inputs made of every line shape the readers know, every profile's conversion
round-trips (same rule as test_roundtrip_sources) and serialises to well-formed XML."""

from __future__ import annotations

import pytest
from conftest import tei_all_grammar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_roundtrip_sources import check_round_trip

from teiedit.config import default_settings
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import READERS, Source
from teiedit.serialize import serialize_tei

_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"),
    include_characters="[]|*<>/.,:;!?\"'’“”-–0123456789 ",
)
words = st.text(_ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
sentence = st.lists(words, min_size=1, max_size=12).map(" ".join)
n = st.integers(min_value=1, max_value=12).map(str)

SHAPES = st.one_of(
    sentence,
    sentence.map(lambda s: s + "."),
    st.sampled_from(["March 3, 1957", "22 October 1956", "12 June 1958."]),
    st.tuples(sentence, sentence).map(lambda t: f"Letter from {t[0]} to {t[1]}"),
    st.tuples(sentence).map(lambda t: f"Memorandum of Conversation with {t[0]}"),
    st.sampled_from(
        [
            "Translation from Korean",
            "Dear comrades!",
            "to Cde. Kim!",
            "Signed: A. B.",
            "/P. Orlov/",
            "Authenticated: [signed] B. V.",
            "The spelling is as in the original.",
        ]
    ),
    st.tuples(n, sentence).map(lambda t: f"{t[0]}. {t[1]}"),
    st.tuples(n, sentence).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(n, sentence).map(lambda t: f"[{t[0]}]{t[1]}"),
    st.tuples(sentence, n).map(lambda t: f"{t[0]}.[{t[1]}] more"),
    st.tuples(sentence, n).map(lambda t: f"{t[0]}.<sup>{t[1]}</sup> more"),
    st.tuples(sentence, n).map(lambda t: f"{t[0]}{t[1]} more"),
    st.tuples(sentence, sentence).map(lambda t: f"{t[0]} | {t[1]} {t[1]} {t[1]} {t[1]}"),
    st.tuples(sentence).map(lambda t: f"{t[0]} | image via {t[0]}"),
    st.tuples(sentence).map(lambda t: f"**{t[0]}**"),
    st.sampled_from(
        [
            "[Source: RGANI, Fond 5, Opis 28, Delo 410, Listy 73-85. Obtained by A. B.]",
            "[Source: Archive (hereafter AR), Fond 1, Delo 2.]",
            "[Stamp:\nCC 20340",
            "date faded]",
            "4 copies sent\n1-Fedorenko\n2-Kurdyukov",
            ". 24",
            "Skip to content",
            "Document Information",
            "Original Archive",
            "Record ID",
            "Log in via your institution",
            "340\nViews\n0\nAltmetric",
            "ABSTRACT",
            "Notes",
            "Notes on contributors",
            "No Comments",
            "Leave a Reply",
            "By | March 29, 2013 | No Comments",
            "by Jan Novak",
            "Pages 3-9 | Published online: 3 Mar 2020",
            "P.S. one more thing.",
            "---",
            "Related Research",
        ]
    ),
)
documents = st.lists(SHAPES, min_size=1, max_size=14).flatmap(
    lambda blocks: st.lists(
        st.sampled_from(["\n\n", "\n\n\n", "\n"]), min_size=len(blocks), max_size=len(blocks)
    ).map(lambda seps: "".join(b + s for b, s in zip(blocks, seps, strict=True)))
)


@pytest.mark.parametrize("profile", sorted(READERS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_generated_inputs_round_trip(profile: str, text: str) -> None:
    if not text.strip():
        return
    source = Source(text=text, name="gen", filename="gen.txt", sha256="0" * 64)
    conversion, diags, _ = convert_text(source, default_settings(), ConvertOptions(profile=profile))
    assert not [d for d in diags if d.level.value == "fatal"], diags
    assert conversion.documents
    for doc in conversion.documents:
        etree.fromstring(serialize_tei(doc.tree))
    check_round_trip(text, conversion)


@pytest.mark.parametrize("profile", sorted(READERS))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
def test_generated_inputs_give_valid_tei(profile: str, text: str) -> None:
    if not text.strip():
        return
    source = Source(text=text, name="gen", filename="gen.txt", sha256="0" * 64)
    conversion, _, _ = convert_text(source, default_settings(), ConvertOptions(profile=profile))
    schema = tei_all_grammar()
    assert conversion.documents
    for doc in conversion.documents:
        tree = etree.fromstring(serialize_tei(doc.tree))
        assert schema.validate(tree), f"{doc.name}: {schema.error_log.last_error}"

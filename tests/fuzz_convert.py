"""The converter's fuzzing grammar and the property every conversion must have (shared by the bounded
test in tests/security/test_fuzz_convert.py and the long run of benchmarks/fuzz.py).

Inputs: the typical lines of every source kind (test_roundtrip_property's shapes) mixed with arbitrary
Unicode, control characters included, and joined by the separators real files have, form feeds
(``pdftotext`` page ends) and vertical tabs (Word line breaks) among them. The property:

- the conversion raises nothing and no pass is stopped (no fatal diagnostic);
- every document is valid against the edition's schema (schema/build/teiedit.rng);
- nothing is lost: the TEI's original reading plus the report (set-aside spans, labels, moved notes)
  gives back the text readers saw (``check_round_trip``), and the report's replaced characters give
  back the input from that text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree
from test_roundtrip_property import SHAPES
from test_roundtrip_sources import check_round_trip

from teiedit.config import default_settings
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import Source
from teiedit.serialize import serialize_tei
from teiedit.text import PAGE_BREAK, restore

RNG = Path(__file__).resolve().parent.parent / "schema" / "build" / "teiedit.rng"

#: Any character: controls, surrogates, noncharacters, other scripts.
ANY = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=30)
CONTROLS = st.text(
    st.sampled_from(
        [chr(c) for c in range(32) if chr(c) not in "\n\r"]
        + ["\x7f", "\x85", "\ufffe", "\uffff", "\ud800", "\udfff", PAGE_BREAK, "\u2028"]
    ),
    min_size=1,
    max_size=3,
)
NOISE = st.one_of(ANY, CONTROLS)
LINE = st.one_of(
    SHAPES,
    NOISE,
    st.tuples(SHAPES, NOISE).map("".join),
    st.tuples(NOISE, SHAPES).map("".join),
    st.tuples(SHAPES, NOISE, SHAPES).map(" ".join),
)
SEPARATORS = st.sampled_from(["\n", "\n\n", "\n\n\n", "\n\f", "\f", "\f\n", "\v", " "])
INPUTS = st.lists(st.tuples(LINE, SEPARATORS), min_size=1, max_size=14).map(
    lambda pairs: "".join(line + sep for line, sep in pairs)
)


@lru_cache(maxsize=1)
def grammar() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(RNG)))


def check_conversion(text: str, profile: str | None) -> None:
    """Assert the property (see the module docstring) for one input and one profile (None: detect)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as decoding gives it to the policy
    if not text.replace(PAGE_BREAK, "").replace("\f", "").strip():
        return  # an empty source is refused by decoding, with a reason, before any reader
    source = Source(text=text, name="fuzz", filename="fuzz.txt", sha256="0" * 64)
    conversion, diags, _ = convert_text(source, default_settings(), ConvertOptions(profile=profile))
    fatal = [d.message for d in diags if d.level.value == "fatal"]
    assert not fatal, fatal
    assert conversion.documents
    rng = grammar()
    for doc in conversion.documents:
        tree = etree.fromstring(serialize_tei(doc.tree))
        assert rng.validate(tree), f"{doc.name}: {rng.error_log.last_error}"
    seen = conversion.source
    check_round_trip(seen.text, conversion)
    restored = restore(seen.text, seen.replaced)
    assert _layout_free(restored) == _layout_free(text)


def _layout_free(text: str) -> str:
    """Text without page and line breaks (what the policy turns into markup or white space)."""
    for ch in ("\f", PAGE_BREAK, "\v", "\n"):
        text = text.replace(ch, "")
    return text

"""Property-based test of the converter: any text converts, valid, nothing lost (see fuzz_convert.py).

A bounded profile for CI (a few seconds); ``benchmarks/fuzz.py --examples N`` runs a long one and prints
its counts.
"""

from __future__ import annotations

import pytest
from fuzz_convert import INPUTS, check_conversion
from hypothesis import HealthCheck, example, given, settings

from teiedit.readers import READERS


@pytest.mark.parametrize("profile", [None, *sorted(READERS)], ids=["detect", *sorted(READERS)])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=INPUTS)
# what crashed the converter before (issue 22), always among the examples: pdftotext's page ends, Word's
# line breaks, ESC and BEL, U+FFFF, a lone surrogate, the page-break marker itself in a source
@example(
    text="Letter from A to B\n\nDear B,\nthe first page ends here\n\fand the second begins.\n\f"
)
@example(text="Memorandum of Conversation\n\nA line\vbreak, an escape \x1b[0m and a bell \x07.\n")
@example(
    text="22 October 1956\n\nNon-characters \uffff\ufffe, a surrogate \ud800, a marker \ufdd0.\n"
)
# a hard-wrapped line followed by a line that only str.split takes for white space (U+2028): the
# cascade's segmenter looked for its first word (benchmarks/fuzz.py, seed 22)
@example(
    text="A Letter\n\nThis is a long line of text that goes on and on without any end\n\u2028\n"
    "and another line that carries on the same sentence here.\n"
)
# a line of only U+0085 (no white space to the segmenter, all white space to str.split) after a long one
@example(text="Note\nthe record of this talk was signed by both of them\n\x85\n2 March 1957\n")
def test_any_text_converts_validly_and_losslessly(profile: str | None, text: str) -> None:
    check_conversion(text, profile)

"""Readers: every tests/cases/readers/<profile>/<case>.txt converts to <case>.xml (compared canonically).

Only the reader and id stamping run here; each enrichment pass has its own cases.

Run `pytest --update-goldens` to rewrite the expected files after an intended change, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_golden

from teiedit.config import default_settings
from teiedit.document import slugify
from teiedit.io import decode_source
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers import Source
from teiedit.serialize import serialize_tei

CASES = Path(__file__).parent / "cases" / "readers"
SOURCES = sorted(CASES.glob("*/*.txt"))


@pytest.mark.parametrize("src", SOURCES, ids=[f"{p.parent.name}/{p.stem}" for p in SOURCES])
def test_reader_case(src: Path, update_goldens: bool) -> None:
    decoded = decode_source(src.read_bytes(), src)
    source = Source(
        text=decoded.text,
        name=slugify(src.stem),
        filename=src.name,
        sha256=decoded.sha256,
        encoding_decision=decoded.decision,
    )
    conversion, diags, _ = convert_text(
        source,
        default_settings(src.parent),
        ConvertOptions(profile=src.parent.name, passes=["assign-ids"]),
    )
    assert not [d for d in diags if d.level.value == "fatal"]
    for i, doc in enumerate(conversion.documents):
        suffix = "" if i == 0 else f".{i}"
        golden = src.with_name(f"{src.stem}{suffix}.xml")
        assert_golden(serialize_tei(doc.tree), golden, update_goldens)

"""The ODD compiler and the committed compiled schema."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teiedit.odd import load_odd, odd_to_rng

REPO = Path(__file__).resolve().parent.parent


def test_compiled_rng_is_not_stale() -> None:
    fresh = odd_to_rng(load_odd(REPO / "schema" / "teiedit.odd"))
    committed = (REPO / "schema" / "build" / "teiedit.rng").read_bytes()
    assert fresh == committed, "schema/build is stale: run `teiedit schema` and commit the result"


def test_compilation_is_deterministic() -> None:
    odd = REPO / "schema" / "teiedit.odd"
    assert odd_to_rng(load_odd(odd)) == odd_to_rng(load_odd(odd))


def test_edition_tei_is_valid_against_teiedit_and_tei_all(shared: Path) -> None:
    ours = etree.RelaxNG(etree.parse(str(REPO / "schema" / "build" / "teiedit.rng")))
    tei_all = etree.RelaxNG(etree.parse(str(shared / "tei-p5" / "schemas" / "rng" / "tei_all.rng")))
    files = sorted((REPO / "tei").glob("*.xml"))
    assert files, "tei/ is empty: run `teiedit build`"
    for f in files:
        doc = etree.parse(str(f))
        assert ours.validate(doc), (f.name, str(ours.error_log))
        assert tei_all.validate(doc), (f.name, str(tei_all.error_log))

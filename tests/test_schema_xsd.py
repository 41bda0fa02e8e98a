"""schema/build/teiedit.xsd: loadable by xmlschema and in agreement with the RELAX NG on the test documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.odd.xsd import UNBOUNDED, Particle, deterministic
from teiedit.validate import Schemas, validate_file

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases" / "validate"
RNG = REPO / "schema" / "build" / "teiedit.rng"
XSD = Schemas(rng=RNG, use_xsd=True, schematron=False)
GRAMMAR_ONLY = Schemas(rng=RNG, schematron=False)


def _docs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.xml"))


@pytest.mark.parametrize("doc", _docs(CASES / "valid") + _docs(REPO / "tei"), ids=lambda p: p.name)
def test_xsd_accepts_what_rng_accepts(doc: Path) -> None:
    assert validate_file(doc, GRAMMAR_ONLY) == []
    assert validate_file(doc, XSD) == []


@pytest.mark.parametrize("doc", _docs(CASES / "invalid"), ids=lambda p: p.name)
def test_xsd_rejects_what_rng_rejects(doc: Path) -> None:
    rng_lines = [d.line for d in validate_file(doc, GRAMMAR_ONLY)]
    xsd_lines = [d.line for d in validate_file(doc, XSD)]
    assert bool(rng_lines) == bool(xsd_lines)
    assert rng_lines[:1] == xsd_lines[:1]  # the same first place is blamed


def test_xsd_message_names_elements_and_suggests() -> None:
    diags = validate_file(CASES / "invalid" / "misspelt-element.xml", XSD)
    assert [(d.line, d.message, d.suggestion) for d in diags] == [
        (63, "<salut> is not allowed inside <opener> here", "did you mean <salute>?")
    ]


def test_determinism_check() -> None:
    a, b = Particle("elem", name="a"), Particle("elem", name="b")
    a_opt = Particle("elem", name="a", lo=0)
    assert deterministic(Particle("seq", items=[a, b]))
    assert not deterministic(
        Particle("seq", items=[a_opt, a])
    )  # (a?, a): which a is the first one?
    assert not deterministic(
        Particle("seq", items=[Particle("elem", name="a", lo=0, hi=UNBOUNDED), a_opt])
    )
    assert deterministic(Particle("choice", items=[a, b], lo=0, hi=UNBOUNDED))

"""Every document the readers make from sources/ and from the reader cases is valid TEI P5 (tei_all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_edition
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.serialize import serialize_tei

REPO = Path(__file__).resolve().parent.parent
INPUTS = sorted((REPO / "sources").glob("*.txt")) + sorted(
    (REPO / "tests/cases/readers").glob("*/*.txt")
)


_SCHEMA: list[etree.RelaxNG] = []


def load_tei_all() -> etree.RelaxNG:
    """tei_all from ../shared, compiled once per test session (it takes 10-30 s)."""
    if not _SCHEMA:
        rng = REPO.parent / "shared/tei-p5/schemas/rng/tei_all.rng"
        if not rng.is_file():
            pytest.fail(f"tei_all is missing at {rng}: the tests need ../shared")
        _SCHEMA.append(etree.RelaxNG(etree.parse(str(rng))))
    return _SCHEMA[0]


@pytest.fixture(scope="module")
def tei_all() -> etree.RelaxNG:
    return load_tei_all()


def test_every_output_is_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    problems: list[str] = []
    count = 0
    for path in INPUTS:
        profile = path.parent.name if path.parent.parent.name == "readers" else None
        source = source_from_file(path)
        conversion, _, _ = convert_text(
            source, default_edition(REPO), ConvertOptions(profile=profile)
        )
        for doc in conversion.documents:
            count += 1
            tree = etree.fromstring(serialize_tei(doc.tree))
            if not tei_all.validate(tree):
                problems += [
                    f"{path.name} -> {doc.name}: line {e.line}: {e.message}"
                    for e in tei_all.error_log
                ][:5]
    assert count >= len(INPUTS)
    assert not problems, "\n".join(problems[:40])


def test_reader_output_is_valid_against_the_project_schema() -> None:
    """What the readers write (before the passes, which other components own) fits schema/teiedit.odd."""
    from teiedit.readers import get_reader

    schema = etree.RelaxNG(etree.parse(str(REPO / "schema/build/teiedit.rng")))
    problems: list[str] = []
    for path in INPUTS:
        source = source_from_file(path)
        profiles = ["auto"] + ([path.parent.name] if path.parent.parent.name == "readers" else [])
        for doc in (
            d
            for profile in profiles
            for d in get_reader(profile).read(source, default_edition(REPO)).documents
        ):
            if not schema.validate(etree.fromstring(serialize_tei(doc.tree))):
                problems += [
                    f"{path.name} -> {doc.name}: line {e.line}: {e.message}"
                    for e in schema.error_log
                ][:5]
    assert not problems, "\n".join(problems[:40])

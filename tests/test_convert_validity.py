"""Every document the readers make from sources/ and from the reader cases is valid TEI P5 (tei_all)."""

from __future__ import annotations

from pathlib import Path

from conftest import converted
from lxml import etree

from teiedit.config import default_settings
from teiedit.pipeline import source_from_file
from teiedit.serialize import serialize_tei

REPO = Path(__file__).resolve().parent.parent
INPUTS = sorted((REPO / "sources").glob("*.txt")) + sorted(
    (REPO / "tests/cases/readers").glob("*/*.txt")
)


def test_every_output_is_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    problems: list[str] = []
    count = 0
    for path in INPUTS:
        profile = path.parent.name if path.parent.parent.name == "readers" else None
        _, conversion, _, _ = converted(path, profile)
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
            for d in get_reader(profile).read(source, default_settings(REPO)).documents
        ):
            if not schema.validate(etree.fromstring(serialize_tei(doc.tree))):
                problems += [
                    f"{path.name} -> {doc.name}: line {e.line}: {e.message}"
                    for e in schema.error_log
                ][:5]
    assert not problems, "\n".join(problems[:40])

"""Every document the readers make from sources/ and from the reader cases is valid TEI P5 (tei_all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_edition
from teiedit.pipeline import ConvertOptions, convert_text, source_from_file
from teiedit.serialize import serialize_tei

REPO = Path(__file__).resolve().parent.parent
INPUTS = sorted((REPO / "sources").glob("*.txt")) + sorted((REPO / "tests/cases/readers").glob("*/*.txt"))


@pytest.fixture(scope="module")
def tei_all(shared: Path) -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(shared / "tei-p5/schemas/rng/tei_all.rng")))


@pytest.fixture(scope="module")
def shared() -> Path:  # module scope: the schema is loaded once (about 10 s)
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.fail(f"../shared is missing at {path}")
    return path


def test_every_output_is_valid_tei_all(tei_all: etree.RelaxNG) -> None:
    problems: list[str] = []
    count = 0
    for path in INPUTS:
        profile = path.parent.name if path.parent.parent.name == "readers" else None
        source = source_from_file(path)
        conversion, _, _ = convert_text(source, default_edition(REPO), ConvertOptions(profile=profile))
        for doc in conversion.documents:
            count += 1
            tree = etree.fromstring(serialize_tei(doc.tree))
            if not tei_all.validate(tree):
                problems += [f"{path.name} -> {doc.name}: line {e.line}: {e.message}" for e in tei_all.error_log][:5]
    assert count >= len(INPUTS)
    assert not problems, "\n".join(problems[:40])

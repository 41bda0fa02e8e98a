"""Profiles are detected from the text's structure: every source and reader case gets its kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.diagnostics import TeieditError
from teiedit.readers import READERS, detect_profile, get_reader

REPO = Path(__file__).resolve().parent.parent
SOURCE_KINDS = {
    "letter-ri-sang-jo-to-kim-il-sung-1956-10-22.txt": "archival",
    "webcapture-letter-ri-sang-jo-to-kwp-cc-1956-10-12.txt": "webcapture",
    "bulletin-cwihp-1956-crisis-documents.txt": "compilation",
    "article-runaway-ambassador-yi-sang-cho.txt": "article",
    "blog-soviet-dprk-relations-lankov.txt": "blog",
}
CASES = sorted(
    p for p in (REPO / "tests/cases/readers").glob("*/*.txt") if p.parent.name != "plain"
)


@pytest.mark.parametrize(("name", "kind"), sorted(SOURCE_KINDS.items()))
def test_sources_detected(name: str, kind: str) -> None:
    best, scores = detect_profile((REPO / "sources" / name).read_text(encoding="utf-8"))
    assert best == kind, scores
    assert set(scores) == set(READERS)


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_cases_detected(path: Path) -> None:
    best, scores = detect_profile(path.read_text(encoding="utf-8"))
    assert best == path.parent.name, scores


def test_unstructured_text_falls_back_to_plain() -> None:
    best, _ = detect_profile("Some notes.\n\nNothing here has the shape of a letter or a page.\n")
    assert best == "plain"


def test_unknown_profile_is_an_error_naming_the_choices() -> None:
    with pytest.raises(TeieditError) as info:
        get_reader("poem")
    assert "archival" in info.value.diagnostic.suggestion

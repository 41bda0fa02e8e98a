"""The small recognisers the readers are made of: citations, names, dates with places, web furniture."""

from __future__ import annotations

import pytest

from teiedit.readers.archival import personal_name
from teiedit.readers.boilerplate import boilerplate_reason
from teiedit.readers.citation import parse_archival, source_line_body
from teiedit.readers.lines import Block, place_date_line, split_blocks


@pytest.mark.parametrize(("text", "repository", "idnos", "note"), [
    (("Russian State Archive of Contemporary History (hereafter RGANI), Fond 5, Opis 28, Delo 410, "
      "Listy 73-85."), "Russian State Archive of Contemporary History",
     [("fond", "5"), ("opis", "28"), ("delo", "410"), ("listy", "73-85")], ""),
    ("RGANI, Fond 5, Opis 28, Delo 412, List 295. Obtained and translated for CWIHP by J. Doe.", "RGANI",
     [("fond", "5"), ("opis", "28"), ("delo", "412"), ("listy", "295")],
     "Obtained and translated for CWIHP by J. Doe."),
    ("AVPRF, f. 0102, op. 12, d. 6, p. 68", "AVPRF",
     [("fond", "0102"), ("opis", "12"), ("delo", "6"), ("papka", "68")], ""),
    ("City Library, MS 12 B 3. Copied by A. B.", "City Library", [("shelfmark", "MS 12 B 3")],
     "Copied by A. B."),
])
def test_archival_citations(text: str, repository: str, idnos: list[tuple[str, str]], note: str) -> None:
    cit = parse_archival(text)
    assert (cit.repository, cit.idnos, cit.note) == (repository, idnos, note)


def test_source_line_is_recognised_across_lines() -> None:
    assert source_line_body("[Source: RGANI, Fond 5,\n Opis 28.]") == "RGANI, Fond 5,\n Opis 28."
    assert source_line_body("Source: not bracketed") is None


@pytest.mark.parametrize(("text", "name"), [
    ("DPRK Ambassador to the USSR Ri Sang-jo", "Ri Sang-jo"),
    ("Ambassador V. I. Ivanov", "V. I. Ivanov"),
    ("Kim Il Sung", "Kim Il Sung"),
    ("the Central Committee", "the Central Committee"),
])
def test_personal_name_is_the_tail_after_a_role(text: str, name: str) -> None:
    assert personal_name(text) == name


def test_place_and_date_line() -> None:
    found = place_date_line(Block(1, "Moscow, 12 October 1956"))
    assert found is not None and found[0] == "Moscow" and found[2].when == "1956-10-12"
    assert place_date_line(Block(1, "Moscow, in the autumn")) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("Skip to content", "web-site navigation"),
    ("This document was made possible with support from A Foundation", "funder statement of the web site"),
    ("Record ID", "label of a web-page panel"),
    ("Log in via your institution", "login or shop panel of the web site"),
    ("  • 30 days online access\n  • PDFs can be printed\nUSD 455.00 Add to cart",
     "login or shop panel of the web site"),
    ("The committee met in June and decided nothing.", None),
])
def test_web_furniture(text: str, reason: str | None) -> None:
    assert boilerplate_reason(Block(1, text)) == reason


def test_blocks_keep_their_line_numbers() -> None:
    blocks = split_blocks("\n\nFirst\nstill first\n\n\n  Second\n")
    assert [(b.line, b.text) for b in blocks] == [(3, "First\nstill first"), (7, "Second")]

"""Lines whose words settle their role (``readers/cascade/post_rules.py`` with ``post-cues.txt``, and the
segmenter's cuts): a keywords line goes to the header's keywords, a title word with a year is a title and
no dateline, a "Prepared by" line is a byline or a line of the end and no heading, and a German day's
number with its full stop before a month name is one date, not a sentence end."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_roundtrip_sources import check_round_trip

from teiedit.config import default_settings
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.post_rules import keyword_terms, prepared_by, year_title
from teiedit.readers.cascade.reader import CascadeReader
from teiedit.readers.cascade.segment import segment
from teiedit.validate.constraints import letters_have_corresp_desc

NS = {"t": "http://www.tei-c.org/ns/1.0"}

ARTICLE = """Letters as Evidence in Rural History

Anna Keller

Abstract: This article examines how historians have read the letters farmers wrote to the authorities.

{keywords}

Historians of the countryside have long read the letters farmers wrote to the authorities. This article asks what such letters can show.

The directors of the provincial banks wrote to the ministry in the following months, asking for guidance.
"""

DIARY = """Tagebuch 1957

3. Januar 1957

Heute früh war es sehr kalt. Ich bin trotzdem in die Stadt gegangen, um die Briefe abzuholen.

Am Abend kam Otto vorbei und wir sprachen lange über die Reise nach Leipzig.

4. Januar 1957

Schnee den ganzen Tag. Ich habe an dem Aufsatz weitergeschrieben und kaum das Haus verlassen.
"""

REPORT_TOP = """REPORT ON THE SITUATION IN THE NORTHERN PROVINCES
Prepared by the Political Section, 2 May 1961

The situation in the northern provinces has deteriorated since the beginning of the year. Supplies of grain have not reached the towns.

The local committees have asked for assistance from the centre, but no reply has been received so far.
"""

REPORT_END = """REPORT ON THE SITUATION IN THE NORTHERN PROVINCES

The situation in the northern provinces has deteriorated since the beginning of the year. Supplies of grain have not reached the towns.

The local committees have asked for assistance from the centre, but no reply has been received so far.

Drafted by the Political Section, 2 May 1961
"""

POST_ONE_LINE = (
    "Die Versammlung der Genossenschaft am 3. März 1921. Die Genossenschaft beschloss in ihrer "
    "Versammlung den Bau einer neuen Molkerei für das ganze Dorf. "
    + "Der Vorstand wurde beauftragt, Angebote bei den Baufirmen der Umgebung einzuholen und im "
    "Herbst zu berichten. " * 4
).strip() + "\n"


def _convert(text: str, tmp_path: Path) -> tuple[etree._Element, Conversion]:
    source = Source(text=text, name="doc", filename="doc.txt", sha256="")
    conv = CascadeReader().read(source, default_settings(tmp_path))
    assert len(conv.documents) == 1
    check_round_trip(text, conv)  # every character in the text or in the set-aside list
    return conv.documents[0].root, conv


def _texts(root: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in root.xpath(path, namespaces=NS)]


@pytest.mark.parametrize(
    ("line", "terms"),
    [
        (
            "Keywords: rural credit; letter; agrarian reform",
            ["rural credit", "letter", "agrarian reform"],
        ),
        (
            "Schlagwörter: Landwirtschaft, Kredit, Genossenschaft",
            ["Landwirtschaft", "Kredit", "Genossenschaft"],
        ),
        (
            "Mots-clés : crédit rural ; lettres ; réforme agraire.",
            ["crédit rural", "lettres", "réforme agraire"],
        ),
    ],
)
def test_keywords_line_goes_to_the_header(line: str, terms: list[str], tmp_path: Path) -> None:
    root, conv = _convert(ARTICLE.format(keywords=line), tmp_path)
    text_class = "t:teiHeader/t:profileDesc/t:textClass"
    assert _texts(root, f"{text_class}/t:keywords/t:term[@type='keyword']") == terms
    # the kind's term in keywords of its own, the document's keywords in theirs
    assert _texts(root, f"{text_class}/t:keywords/t:term[@type='kind']") == ["article"]
    assert (
        root.xpath(f"count({text_class}/t:keywords[t:term[@type='kind']]/t:term)", namespaces=NS)
        == 1
    )
    body = " ".join(_texts(root, "t:text/t:body"))
    assert terms[0] not in body and "Historians of the countryside" in body
    assert not any(terms[0] in p for p in _texts(root, "t:teiHeader/t:profileDesc/t:abstract"))
    assert [s.text.strip() for s in conv.set_aside] == [line]


def test_a_keyword_letter_is_no_kind_for_the_correspondence_rule(tmp_path: Path) -> None:
    root, _ = _convert(ARTICLE.format(keywords="Keywords: letter; telegram"), tmp_path)

    class Doc:
        tree = root.getroottree()

    assert letters_have_corresp_desc(Doc())  # type: ignore[arg-type]
    kind = root.xpath("//t:textClass/t:keywords/t:term[@type='kind']", namespaces=NS)
    assert len(kind) == 1
    kind[0].text = "letter"  # a letter without correspondents is still caught
    assert not letters_have_corresp_desc(Doc())  # type: ignore[arg-type]


def test_keyword_terms_of_a_line() -> None:
    assert keyword_terms("Keywords: a; b") == ["a", "b"]
    assert keyword_terms("The keywords: of this study are many") == []
    assert keyword_terms("Schlagwörter:") == []


def test_title_word_and_year_is_a_title_not_a_dateline(tmp_path: Path) -> None:
    root, _ = _convert(DIARY, tmp_path)
    assert _texts(root, "t:teiHeader//t:titleStmt/t:title[@type='main']") == ["Tagebuch 1957"]
    assert not root.xpath("//t:dateline", namespaces=NS)
    assert _texts(root, "t:text/t:body/t:div/t:head") == ["Tagebuch 1957"]
    assert _texts(root, "t:text/t:body/t:div/t:div[@type='entry']/t:head") == [
        "3. Januar 1957",
        "4. Januar 1957",
    ]
    assert year_title("Annual Report, 1961") and year_title("Diary 1912")
    assert not year_title("Berlin 1957") and not year_title("Tagebuch 3. Januar 1957")


def test_prepared_by_under_the_title_is_the_byline(tmp_path: Path) -> None:
    root, _ = _convert(REPORT_TOP, tmp_path)
    assert _texts(root, "t:teiHeader//t:titleStmt/t:title[@type='main']") == [
        "REPORT ON THE SITUATION IN THE NORTHERN PROVINCES"
    ]
    assert _texts(root, "t:text/t:body/t:div/t:head") == [
        "REPORT ON THE SITUATION IN THE NORTHERN PROVINCES"
    ]
    assert _texts(root, "t:text/t:body/t:div/t:byline") == [
        "Prepared by the Political Section, 2 May 1961"
    ]
    assert _texts(root, "t:teiHeader//t:titleStmt/t:author") == ["the Political Section"]


def test_drafted_by_after_the_text_is_no_heading(tmp_path: Path) -> None:
    root, _ = _convert(REPORT_END, tmp_path)
    assert not any("Drafted" in h for h in _texts(root, "//t:head"))
    last = _texts(root, "t:text/t:body/t:div/*[last()]")
    assert last == ["Drafted by the Political Section, 2 May 1961"]
    assert (
        prepared_by("Verfasst von der Politischen Abteilung, 2. Mai 1961")
        == "der Politischen Abteilung"
    )
    assert prepared_by("Rédigé par le Service politique") == "le Service politique"
    assert prepared_by("REPORT ON THE SITUATION") is None


def test_german_day_and_month_are_not_cut(tmp_path: Path) -> None:
    pieces = [POST_ONE_LINE[s.start : s.end] for s in segment(POST_ONE_LINE)]
    assert pieces and not any(p.rstrip().endswith("am 3.") for p in pieces)
    assert any("am 3. März 1921" in p for p in pieces)
    root, _ = _convert(POST_ONE_LINE, tmp_path)
    (title,) = _texts(root, "t:teiHeader//t:titleStmt/t:title[@type='main']")
    assert title.startswith("Die Versammlung der Genossenschaft am 3. März 1921")
    # a sentence that ends with a day's number and goes on with a capital word is still cut there
    cut = "Der Vertrag galt ab Artikel 3. Danach kam der Winter und die Arbeit ruhte. " * 30
    assert any(cut[s.start : s.end].endswith("Artikel 3.") for s in segment(cut))

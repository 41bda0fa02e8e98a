"""Dates without a year (diary entry headings, letters dated "12.3.56") given the year their document
states, with ``@cert='medium'``; tagged without a value when the year is not certain."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.dates import find_dates
from teiedit.document import NSMAP, TeiDocument
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers.base import Source

ENTRY_DATES = "//tei:div[@type='entry']/tei:head/tei:date"

PARA_EN = (
    "Arrived at the legation late in the evening. The ambassador was out and the chancery was dark, so "
    "I went\nstraight to my rooms and unpacked what little I had brought."
)
PARA_EN_2 = (
    "First meeting with the counsellor. He asked me to read the last six months of reporting."
)


def diary(title: str, heads: list[str], paragraphs: tuple[str, str] = (PARA_EN, PARA_EN_2)) -> str:
    parts = [title]
    for k, head in enumerate(heads):
        parts += [head, paragraphs[k % 2]]
    return "\n\n".join(parts) + "\n"


def convert(text: str, tmp_path: Path) -> tuple[TeiDocument, list[dict[str, object]]]:
    source = Source(text=text, name="doc", filename="doc.txt", sha256="")
    conversion, _, records = convert_text(source, Settings(root=tmp_path), ConvertOptions())
    assert len(conversion.documents) == 1
    return conversion.documents[0], records.get("dates", [])


def dates(doc: TeiDocument, path: str) -> list[tuple[str, str, str]]:
    """(text, @when, @cert) of the dates at ``path``."""
    return [
        ("".join(d.itertext()), d.get("when", ""), d.get("cert", ""))
        for d in doc.root.xpath(path, namespaces=NSMAP)
    ]


def test_an_english_diary_takes_the_year_of_its_title(tmp_path: Path) -> None:
    # 2, 3 and 5 April 1956 were a Monday, a Tuesday and a Thursday
    text = diary("Diary 1956", ["Monday, 2 April", "Tuesday, 3 April", "Thursday, 5 April"])
    doc, _ = convert(text, tmp_path)
    assert dates(doc, ENTRY_DATES) == [
        ("2 April", "1956-04-02", "medium"),
        ("3 April", "1956-04-03", "medium"),
        ("5 April", "1956-04-05", "medium"),
    ]


def test_a_german_diary_takes_the_year_of_the_entry_before(tmp_path: Path) -> None:
    text = (
        "Tagebuch\n\nMontag, 14. Januar 1957\n\nHeute früh zur Botschaft. Der Gesandte war verreist, und "
        "ich habe den ganzen Vormittag mit den Akten\nverbracht.\n\n15. Januar\n\nSitzung beim "
        "Handelsrat. Die Verhandlungen über das Abkommen stocken weiterhin, weil niemand die Liste\nder "
        "Waren freigeben will.\n\n17. Januar\n\nAbends Empfang. Viele Gesichter, wenig Gespräche, und am "
        "Ende noch ein Telegramm aus der Zentrale.\n"
    )
    doc, _ = convert(text, tmp_path)
    assert dates(doc, "//tei:head/tei:date") == [
        ("14. Januar 1957", "1957-01-14", ""),
        ("15. Januar", "1957-01-15", "medium"),
        ("17. Januar", "1957-01-17", "medium"),
    ]
    assert doc.root.xpath("count(//tei:div[@type='entry'])", namespaces=NSMAP) == 2


def test_a_french_diary_without_a_year_keeps_its_dates_without_a_value(tmp_path: Path) -> None:
    paras = (
        "Arrivée à Alger par le premier avion. Le consul nous attendait à l'aéroport avec deux voitures.",
        "Entretien avec le délégué général. Il parle peu et écoute beaucoup, ce qui ne facilite pas la "
        "tâche.",
    )
    doc, records = convert(
        diary("Journal de mission", ["le 4 avril", "le 5 avril"], paras), tmp_path
    )
    assert dates(doc, ENTRY_DATES) == [("4 avril", "", ""), ("5 avril", "", "")]
    assert [str(r["reason"]) for r in records if "reason" in r] == [
        "no year in the document's heading or an earlier entry; tagged without a date value"
    ] * 2
    # with the year in its title the same diary is dated
    doc, _ = convert(
        diary("Journal de mission 1958", ["le 4 avril", "le 5 avril"], paras), tmp_path
    )
    assert [when for _, when, _ in dates(doc, ENTRY_DATES)] == ["1958-04-04", "1958-04-05"]


def test_a_weekday_that_does_not_fit_the_year_leaves_the_date_without_a_value(
    tmp_path: Path,
) -> None:
    # 4 April 1956 was a Wednesday: the diary is of another year, or the writer slipped
    text = diary("Diary 1956", ["Monday, 4 April", "Tuesday, 5 April"])
    doc, records = convert(text, tmp_path)
    assert dates(doc, ENTRY_DATES) == [("4 April", "", ""), ("5 April", "", "")]
    assert [str(r["reason"]) for r in records if "reason" in r] == [
        "its weekday does not fit 1956; tagged without a date value"
    ] * 2


LETTER = """Letter from the consul to the ministry{title}

{date}

Dear Minister,

I have the honour to report that the negotiations on the trade agreement were resumed {when} and
that the other side has accepted our proposal for a joint commission.

Yours faithfully,
The Consul
"""


def test_a_letter_dated_with_a_two_digit_year_takes_the_century_of_its_other_dates(
    tmp_path: Path,
) -> None:
    opener = "//tei:opener//tei:date"
    doc, _ = convert(LETTER.format(title=", 1956", date="12.3.56", when="this week"), tmp_path)
    assert dates(doc, opener) == [("12.3.56", "1956-03-12", "medium")]
    # a slashed date whose day cannot be a month, with the year in the text
    doc, _ = convert(LETTER.format(title="", date="25/3/56", when="in March 1956"), tmp_path)
    assert dates(doc, opener) == [("25/3/56", "1956-03-25", "medium")]
    # day and month either way round (12 March or 3 December): a date, but which one is not known
    doc, records = convert(LETTER.format(title="", date="12/3/56", when="in March 1956"), tmp_path)
    assert dates(doc, opener) == [("12/3/56", "", "")]
    assert {
        "document": "doc",
        "text": "12/3/56",
        "reason": "day and month may be either way round; tagged without a date value",
    } in records
    # no year of the document names the century
    doc, _ = convert(LETTER.format(title="", date="12.3.56", when="this week"), tmp_path)
    assert dates(doc, "//tei:text//tei:date") == []
    # nor can a slashed date whose year is not named
    doc, _ = convert(LETTER.format(title="", date="12/3/56", when="this week"), tmp_path)
    assert dates(doc, "//tei:text//tei:date") == []


def test_year_less_forms_read_and_numbers_that_are_no_dates() -> None:
    assert [(d.text, d.attrs) for d in find_dates("am 4. April war")] == [
        ("4. April", {"when": "--04-04"})
    ]
    assert find_dates("point 4. May we go") == []  # a list's fourth point
    assert find_dates("see file Ref. 12/3/56 of the archive") == []  # a slashed number in prose
    assert [d.text for d in find_dates("Moscow\n  25/3/56.\nDear")] == ["25/3/56"]

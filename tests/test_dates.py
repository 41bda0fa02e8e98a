"""Dates in running text -> ISO attributes (when, from/to, notBefore/notAfter); what is not a date stays out."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedit.dates import find_dates, parse_date_line


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        ("on 22 October 1956 he", "22 October 1956", {"when": "1956-10-22"}),
        ("Berlin, den 14. März 1957", "14. März 1957", {"when": "1957-03-14"}),
        ("Paris, le 5 avril 1957", "5 avril 1957", {"when": "1957-04-05"}),
        ("Date : 24 octobre 1956, 18 h", "24 octobre 1956", {"when": "1956-10-24"}),
        ("Moscow, 1956-11-20", "1956-11-20", {"when": "1956-11-20"}),
        (
            "Written: Between 10 and 20 February 1908",
            "10 and 20 February 1908",
            {"notBefore": "1908-02-10", "notAfter": "1908-02-20"},
        ),
        ("October 22, 1956", "October 22, 1956", {"when": "1956-10-22"}),
        ("“13” June 1956", "“13” June 1956", {"when": "1956-06-13"}),
        ("22 Oct 2018.", "22 Oct 2018", {"when": "2018-10-22"}),
        ("in August 1956 the", "August 1956", {"when": "1956-08"}),
        ("(July 1990), pp.", "July 1990", {"when": "1990-07"}),
        ("on 5 June.", "5 June", {"when": "--06-05"}),
        ("entry February 16. In", "February 16", {"when": "--02-16"}),
        ("the 1956 crisis", "1956", {"when": "1956"}),
        ("in the 1950s", "1950s", {"notBefore": "1950", "notAfter": "1959"}),
        ("mid-1950s", "1950s", {"notBefore": "1950", "notAfter": "1959"}),
        ("from 1953-1962.", "1953-1962", {"from": "1953", "to": "1962"}),
        ("1945–1961", "1945–1961", {"from": "1945", "to": "1961"}),
        ("in 1957-9, North", "1957-9", {"from": "1957", "to": "1959"}),
        ("spanning 1960-65,", "1960-65", {"from": "1960", "to": "1965"}),
        ("from 1998 to 2002 have", "1998 to 2002", {"from": "1998", "to": "2002"}),
        (
            "from 24 May to 11 June 1956.",
            "24 May to 11 June 1956",
            {"from": "1956-05-24", "to": "1956-06-11"},
        ),
        (
            "8 Feb. to 27 March 1956",
            "8 Feb. to 27 March 1956",
            {"from": "1956-02-08", "to": "1956-03-27"},
        ),
        (
            "April 24-29, 1956 (Pyongyang",
            "April 24-29, 1956",
            {"from": "1956-04-24", "to": "1956-04-29"},
        ),
        (
            "held 30-31 August 1956.",
            "30-31 August 1956",
            {"from": "1956-08-30", "to": "1956-08-31"},
        ),
        (
            "from 2 to 14 March 1956,",
            "2 to 14 March 1956",
            {"from": "1956-03-02", "to": "1956-03-14"},
        ),
        # ranges with "through", across months and years
        (
            "from October 23 through November 4, 1956,",
            "October 23 through November 4, 1956",
            {"from": "1956-10-23", "to": "1956-11-04"},
        ),
        (
            "held 5 through 8 October 1956.",
            "5 through 8 October 1956",
            {"from": "1956-10-05", "to": "1956-10-08"},
        ),
        (
            "October 5 through 8, 1956",
            "October 5 through 8, 1956",
            {"from": "1956-10-05", "to": "1956-10-08"},
        ),
        (
            "from September through November 1956",
            "September through November 1956",
            {"from": "1956-09", "to": "1956-11"},
        ),
        (
            "12 December 1956 through 3 January 1957",
            "12 December 1956 through 3 January 1957",
            {"from": "1956-12-12", "to": "1957-01-03"},
        ),
        (
            "October 22, 1956 – November 4, 1956.",
            "October 22, 1956 – November 4, 1956",
            {"from": "1956-10-22", "to": "1956-11-04"},
        ),
        (
            "December 1956 to January 1957",
            "December 1956 to January 1957",
            {"from": "1956-12", "to": "1957-01"},
        ),
        ("1956 through 1958", "1956 through 1958", {"from": "1956", "to": "1958"}),
        # two days joined by a slash: the date lies between them
        (
            "the night of 5/6 October 1956 the",
            "5/6 October 1956",
            {"notBefore": "1956-10-05", "notAfter": "1956-10-06"},
        ),
        (
            "October 5/6, 1956",
            "October 5/6, 1956",
            {"notBefore": "1956-10-05", "notAfter": "1956-10-06"},
        ),
        ("on 5/6 October.", "5/6 October", {"notBefore": "--10-05", "notAfter": "--10-06"}),
        # Roman-numeral months
        ("Moscow, 4.XI.1956", "4.XI.1956", {"when": "1956-11-04"}),
        ("4/XI/1956", "4/XI/1956", {"when": "1956-11-04"}),
        ("in XI.1956 the", "XI.1956", {"when": "1956-11"}),
        (
            "between 19 February and 19 March 1956",
            "19 February and 19 March 1956",
            {"from": "1956-02-19", "to": "1956-03-19"},
        ),
    ],
)
def test_dates_found(text: str, span: str, attrs: dict[str, str]) -> None:
    found = find_dates(text)
    assert [(f.text, f.attrs) for f in found] == [(span, attrs)]
    assert text[found[0].start : found[0].end] == span


@pytest.mark.parametrize(
    "text",
    [
        "No. 1956",
        "N° 1578/d",
        "Grant NRF-2016S1A3A2925361",
        "fond 0102, opis 12, delo 1029",
        "20,000 people",
        "3,500,000 meters",
        "USD 455.00",
        "31 June 1956",
        "2 may 3",
        "Working Paper #38",
        "Fond 5, Opis 28, Delo 410, Listy 22-25",
        "file KM011101, 15–21",
        "No. 25-C-2261",
        "6/5 October 1956",  # the days out of order
        "31/32 May",
        "file 5/6/56 of",  # a slashed number in a sentence (alone on its line it is a date)
        "No. XI.1956",
        "30.II.1956",  # no 30 February
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_overlaps_are_settled_leftmost_longest() -> None:
    found = find_dates("Diary from 1 October to 25 October 1959, entry 24 October. In: 2002.")
    assert [f.text for f in found] == ["1 October to 25 October 1959", "24 October", "2002"]


@pytest.mark.parametrize(
    ("text", "span", "when", "context", "full"),
    [
        ("31-III-56 x", "31-III-56", "..56-03-31", "1956", "1956-03-31"),
        ("5.IX.56", "5.IX.56", "..56-09-05", "1961", "1956-09-05"),
        (
            "5.IX.56",
            "5.IX.56",
            "..56-09-05",
            "1890",
            None,
        ),  # 1856 or 1956: too far from 1890 either way
        ("5.6.56", "5.6.56", "::56-06-05", "1956", "1956-06-05"),
        (
            "5.6.56",
            "5.6.56",
            "::56-06-05",
            "1957",
            None,
        ),  # all-numeric: only with that very year nearby
        ("25/VII. I.", "25/VII", "--07-25", "1956", "--07-25"),
        ("FIRIUBIN 4/XI-56", "4/XI-56", "..56-11-04", "1956", "1956-11-04"),
    ],
)
def test_dates_without_century(
    text: str, span: str, when: str, context: str, full: str | None
) -> None:
    from teiedit.dates import century

    (found,) = find_dates(text)
    assert (found.text, found.attrs) == (span, {"when": when})
    assert century(when, context) == full


def test_date_line_for_readers() -> None:
    assert parse_date_line("October 22, 1956").when == "1956-10-22"
    assert parse_date_line("October 22, 1956, Moscow") is None


def test_slashed_days_without_year_take_it_from_the_context() -> None:
    from teiedit.config import Settings
    from teiedit.document import NSMAP, TeiDocument
    from teiedit.io import parse_xml_bytes
    from teiedit.transforms import PassContext, run_passes

    xml = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
        "<p>Diary, October 1956.</p><p>On the night of 5/6 October the delegation left.</p>"
        "<p>Signed FIRIUBIN 4/XI-56.</p></body></text></TEI>"
    )
    doc = TeiDocument(tree=parse_xml_bytes(xml.encode()), name="t")
    run_passes(doc, PassContext(settings=Settings(root=Path("."))), only=["dates"])
    dates = [
        ({k: v for k, v in d.attrib.items() if k != "resp"}, d.text)
        for d in doc.root.xpath("//tei:date", namespaces=NSMAP)
    ]
    assert dates == [
        ({"when": "1956-10"}, "October 1956"),
        ({"notBefore": "1956-10-05", "notAfter": "1956-10-06", "cert": "medium"}, "5/6 October"),
        ({"when": "1956-11-04", "cert": "medium"}, "4/XI-56"),
    ]

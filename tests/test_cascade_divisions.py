"""Divisions by shape: a diary's dated entries and a report's numbered sections, in layouts of any source."""

from __future__ import annotations

from pathlib import Path

from teiedit.config import Settings
from teiedit.document import NSMAP, TeiDocument
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers.base import Source
from teiedit.readers.cascade.divisions import entry_date, lead_in_lists, numbered_sections
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.segment import segment

DIARY_EN = """Diary of a Junior Attaché

12 March 1956

Arrived at the legation late in the evening. The ambassador was out and the chancery was dark, so I went
straight to my rooms and unpacked what little I had brought.

The city is cold and grey. Trams still run on the ring road although half the windows are boarded.

14 March 1956

First meeting with the counsellor. He asked me to read the last six months of reporting first.

15 March 1956

Lunch with the Swiss chargé, who talked at length about the harvest and very little about politics.
"""

TAGEBUCH = """Tagebuch

Montag, 14. Januar 1957

Heute früh zur Botschaft. Der Gesandte war verreist, und ich habe den ganzen Vormittag mit den Akten
verbracht.

Dienstag, 15. Januar 1957

Sitzung beim Handelsrat. Die Verhandlungen über das Abkommen stocken weiterhin, weil niemand die Liste
der Waren freigeben will.

17. Januar 1957

Abends Empfang. Viele Gesichter, wenig Gespräche, und am Ende noch ein Telegramm aus der Zentrale.
"""

JOURNAL_FR = """Journal de mission

Lundi 3 février 1958

Arrivée à Alger par le premier avion. Le consul nous attendait à l'aéroport avec deux voitures.

Mardi 4 février 1958

Entretien avec le délégué général. Il parle peu et écoute beaucoup, ce qui ne facilite pas la tâche.
"""

ROMAN_REPORT = """MEMORANDUM ON THE BORDER NEGOTIATIONS

I. Background

The negotiations opened in Geneva in the autumn and were adjourned twice at the request of the other side.

II. The present position

Both delegations have accepted the principle of a joint commission, but they disagree on its composition.

III. Conclusion

A settlement is possible within the year if the question of the maps can be set aside.
"""

ARABIC_REPORT_WITH_LIST = """Report of the Inspection Team

1. Findings

The team visited four sites. At each it checked the following points:
1. the condition of the storage buildings;
2. the records of deliveries;
3. the training of the staff.

2. Conclusions

All four sites met the standards, although the records at the second site were incomplete.
"""


def converted(text: str, tmp_path: Path) -> TeiDocument:
    source = Source(text=text, name="doc", filename="doc.txt", sha256="")
    conversion, _, _ = convert_text(source, Settings(root=tmp_path), ConvertOptions())
    assert len(conversion.documents) == 1
    return conversion.documents[0]


def xp(doc: TeiDocument, path: str) -> list[str]:
    found = doc.root.xpath(path, namespaces=NSMAP)
    return [
        " ".join(str(x if isinstance(x, str) else "".join(x.itertext())).split()) for x in found
    ]


def test_an_english_diary_has_one_dated_entry_per_date_line(tmp_path: Path) -> None:
    doc = converted(DIARY_EN, tmp_path)
    entries = "//tei:body/tei:div/tei:div[@type='entry']"
    assert xp(doc, f"{entries}/tei:head/tei:date/@when") == [
        "1956-03-12",
        "1956-03-14",
        "1956-03-15",
    ]
    # the first entry holds both its paragraphs; none of the text is read as a summary or put in back
    assert [p[:24] for p in xp(doc, f"{entries}[1]/tei:p")] == [
        "Arrived at the legation ",
        "The city is cold and gre",
    ]
    assert xp(doc, f"{entries}[3]/tei:p") == [
        "Lunch with the Swiss chargé, who talked at length about the harvest and very little about "
        "politics."
    ]
    assert xp(doc, "//tei:div[@type='summary'] | //tei:back/*") == []
    assert xp(doc, "//tei:textClass//tei:term[@type='kind']") == ["journal"]
    assert xp(doc, "//tei:creation/tei:date/@when") == ["1956-03-12"]


def test_german_and_french_diaries_have_entries(tmp_path: Path) -> None:
    de = converted(TAGEBUCH, tmp_path)
    assert xp(de, "//tei:div[@type='entry']/tei:head") == [
        "Montag, 14. Januar 1957",
        "Dienstag, 15. Januar 1957",
        "17. Januar 1957",
    ]
    assert xp(de, "//tei:div[@type='entry']/tei:head/tei:date/@when") == [
        "1957-01-14",
        "1957-01-15",
        "1957-01-17",
    ]
    assert xp(de, "//tei:div[@type='entry'][2]/tei:p")[0].startswith("Sitzung beim Handelsrat.")
    fr = converted(JOURNAL_FR, tmp_path)
    assert xp(fr, "//tei:div[@type='entry']/tei:head/tei:date/@when") == [
        "1958-02-03",
        "1958-02-04",
    ]
    assert xp(fr, "//tei:textClass//tei:term[@type='kind']") == ["journal"]


def test_roman_numbered_headings_open_sections(tmp_path: Path) -> None:
    doc = converted(ROMAN_REPORT, tmp_path)
    sections = "//tei:body/tei:div/tei:div[@type='section']"
    assert xp(doc, f"{sections}/tei:head") == [
        "I. Background",
        "II. The present position",
        "III. Conclusion",
    ]
    assert [p[:20] for p in xp(doc, f"{sections}/tei:p")] == [
        "The negotiations ope",
        "Both delegations hav",
        "A settlement is poss",
    ]
    assert xp(doc, "//tei:list | //tei:byline") == []


def test_numbered_sections_keep_the_list_inside_them(tmp_path: Path) -> None:
    doc = converted(ARABIC_REPORT_WITH_LIST, tmp_path)
    sections = "//tei:body/tei:div/tei:div[@type='section']"
    assert xp(doc, f"{sections}/tei:head") == ["1. Findings", "2. Conclusions"]
    assert xp(doc, f"{sections}[1]/tei:list[@type='ordered']/tei:item/@n") == ["1", "2", "3"]
    assert xp(doc, f"{sections}[2]/tei:p")[0].startswith("All four sites met the standards")


def blocks(*rows: tuple[str, str]) -> list[Labelled]:
    segs = segment("\n\n".join(r[1] for r in rows))
    assert len(segs) == len(rows)
    return [Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)]


def test_lettered_and_worded_section_numbers_follow_each_other() -> None:
    lettered = blocks(
        ("heading", "A. Acquisitions"),
        ("p", "The office received forty-two boxes of files during the year."),
        ("p", "B. Cataloguing"),
        ("summary", "Cataloguing kept pace with acquisitions for the first time in five years."),
    )
    assert len(numbered_sections(lettered)) == 3  # two headings, one summary read as text
    assert [(b.label, b.opens) for b in lettered] == [
        ("heading", "section"),
        ("p", ""),
        ("heading", "section"),
        ("p", ""),
    ]
    worded = blocks(
        ("opener", "Section 1"),
        ("p", "The municipal supply draws on three wells north of the town."),
        ("p", "Section 3"),
        ("p", "The engineers recommend a new well on the eastern terrace."),
    )
    assert numbered_sections(worded) == []  # 1 and 3: no sequence
    assert [b.opens for b in worded] == ["", "", "", ""]


def test_a_numbered_list_between_paragraphs_stays_a_list() -> None:
    bs = blocks(
        ("p", "The delegation proposes the following:"),
        ("item", "1. That the commission meet monthly"),
        ("p", "This would allow the work to keep pace with the surveys in the field."),
        ("item", "2. That each side name three members"),
        ("p", "The number is the one both sides named in the first round."),
    )
    assert numbered_sections(bs) == []  # led in by a colon: a list whose points have comments


def test_entry_dates_are_lines_of_nothing_but_a_date() -> None:
    assert entry_date("Monday, 4 April") == "--04-04"
    assert entry_date("Dienstag, 15. Januar 1957") == "1957-01-15"
    assert entry_date("Mardi 4 février 1958") == "1958-02-04"
    assert entry_date("Tagebuch 1957") == ""  # no day
    assert entry_date("Arrived on 12 March 1956") == ""  # a sentence with a date
    assert entry_date("Moscow, 12 March 1956") == ""  # a letter's dateline names a place


def test_lines_numbered_in_sequence_after_a_colon_are_a_list(tmp_path: Path) -> None:
    doc = converted(
        "Proposals of the Delegation\n\n"
        "The delegation has studied the maps and proposes the following:\n"
        "(a) that the commission meet monthly;\n"
        "(b) that each side name three members;\n"
        "(c) that the maps of 1912 serve as the basis of discussion.\n\n"
        "The other side has not yet answered, and the next meeting is set for the spring.\n",
        tmp_path,
    )
    assert xp(doc, "//tei:list[@type='ordered']/tei:item/@n") == ["a", "b", "c"]
    assert xp(doc, "//tei:list/tei:item[3]")[0].startswith("(c) that the maps of 1912")
    assert xp(doc, "//tei:body//tei:p")[-1].startswith("The other side has not yet answered")


def test_lines_out_of_sequence_after_a_colon_stay_paragraphs() -> None:
    bs = blocks(
        ("p", "The delegation proposes the following:"),
        ("p", "(a) that the commission meet monthly;"),
        ("p", "(c) that the maps of 1912 serve as the basis of discussion."),
    )
    assert lead_in_lists(bs) == []
    assert [b.label for b in bs] == ["p", "p", "p"]


def test_entries_and_sections_convert_losslessly_and_validly() -> None:
    from fuzz_convert import check_conversion

    for text in (DIARY_EN, TAGEBUCH, ROMAN_REPORT, ARABIC_REPORT_WITH_LIST):
        check_conversion(text, None)

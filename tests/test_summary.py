"""The per-document summary the site pages are built from (teiedit/summary.py): its facts, its
mentions with their page anchors and context, and its JSON round trip."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from lxml import etree, html

from teiedit.builders.html import render_page
from teiedit.config import default_settings
from teiedit.edition import Edition
from teiedit.summary import Mention, Party, Summary, source_line, summarise

CASES = Path(__file__).resolve().parent / "cases" / "html"


def _edition(tmp_path: Path) -> Edition:
    settings = dataclasses.replace(default_settings(tmp_path), registers=CASES / "registers")
    return Edition.from_files(settings, sorted(CASES.glob("*.xml")))


def _doc(edition: Edition, page: str):  # type: ignore[no-untyped-def]
    return next(ed for ed in edition.documents() if ed.page == page)


def test_summary_of_a_letter(tmp_path: Path) -> None:
    s = summarise(_doc(_edition(tmp_path), "letter-a"))
    assert (s.page, s.title, s.date, s.year, s.kind, s.kind_class) == (
        "letter-a",
        "Letter from Anna Berg to Carl Dorn",
        "1956-10-12",
        "1956",
        "letter",
        "letter",
    )
    assert s.senders == (Party("p-berg", "Anna Berg"),)
    assert s.addressees == (Party("p-dorn", "Carl Dorn"),)
    assert s.source == "Northtown, City Archive, Berg papers, Box 3, folder 7"
    table = [(m.entry, m.anchor, m.text) for m in s.mentions]
    assert table[:4] == [
        ("pl-north", "m-pl-north-1", "Northtown"),
        ("p-dorn", "m-p-dorn-1", "Carl"),
        ("o-coop", "m-o-coop-1", "Northtown Cooperative"),
        ("pl-capital", "m-pl-capital-1", "the Capital"),
    ]
    assert ("p-berg", "m-p-berg-1", "Anna") in table
    assert s.entries()[:2] == ["pl-north", "p-dorn"]


def test_mention_context_is_the_corrected_reading_without_notes(tmp_path: Path) -> None:
    s = summarise(_doc(_edition(tmp_path), "letter-a"))
    coop = next(m for m in s.mentions if m.entry == "o-coop")
    # the note inside the paragraph is not context; the correction replaces the damaged word
    assert coop.before == "The harvest was poor this year, and the"
    assert coop.after == "sent only ten carts to the Capital."
    kim = next(m for m in s.mentions if m.entry == "p-kim")
    assert kim.before.endswith("The clerk wrote color and Comrade")
    assert kim.after.startswith("also never came.")
    assert kim.before.startswith("\u2026")  # cut at a word, marked


def test_anchors_are_the_ids_of_the_names_on_the_page(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    checked = 0
    for ed in edition.documents():
        page = html.fromstring(render_page(ed, edition.settings, registers=edition.registers))
        ids = set(page.xpath("//@id"))
        for m in summarise(ed).mentions:
            if m.entry in edition.registers.entries:
                assert m.anchor in ids, (ed.page, m.anchor)
                checked += 1
    assert checked > 5


def test_summary_round_trips_through_json(tmp_path: Path) -> None:
    edition = _edition(tmp_path)
    seen = 0
    for ed in edition.documents():
        s = summarise(ed)
        again = Summary.from_dict(json.loads(json.dumps(s.to_dict())))
        assert again == s
        seen += 1
    assert seen == 4
    assert Mention("a", "m-a-1", "A").before == ""


LETTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>A letter</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>
<listWit><head>Witnesses</head><witness xml:id="A">Manuscript A, Bern</witness>
<witness xml:id="B"><msDesc><msIdentifier><settlement>Yale</settlement><repository>Beinecke</repository>
<idno>MSS 31</idno></msIdentifier><physDesc><p>a card, stamped <placeName>Bern</placeName><date>1 May</date>
</p></physDesc></msDesc></witness></listWit>
<msDesc><msIdentifier/></msDesc></sourceDesc></fileDesc><profileDesc><correspDesc>
<correspAction type="sent"><persName>Ada</persName><placeName>Bern</placeName></correspAction>
<correspAction type="received"><persName>Ben</persName></correspAction>
<correspContext><ref type="belongsToCorrespondence" target="c1">Ada and Ben</ref>
<ref type="withinCollection" subtype="previous_letter" target="L1">Ben to Ada, 1 May</ref>
<ref type="withinCorrespondence" subtype="next_letter" target="L3">Ada to Ben, 9 May</ref>
</correspContext></correspDesc></profileDesc></teiHeader><text><body><p>Dear Ben</p></body></text></TEI>"""


def test_the_source_lists_a_critical_editions_witnesses_and_a_letter_its_context(
    tmp_path: Path,
) -> None:
    (tmp_path / "letter.xml").write_text(LETTER, encoding="utf-8")
    root = etree.fromstring(LETTER)
    # one after the other (they ran on), a witness with an msDesc by its shelfmark
    assert source_line(root) == "Manuscript A, Bern; Yale, Beinecke, MSS 31"
    settings = default_settings(tmp_path)
    (ed,) = Edition.from_files(settings, [tmp_path / "letter.xml"]).documents()
    page = html.fromstring(render_page(ed, settings))
    about = [
        (" ".join(dt.text_content().split()), " ".join(dt.getnext().text_content().split()))
        for dt in page.xpath("//section[@class='metadata']/dl/dt")
    ]
    assert about == [
        # the empty msDesc: none; a postmark's place and date apart, though the TEI has no space
        ("Source", "Manuscript A, Bern; Yale, Beinecke, MSS 31 a card, stamped Bern 1 May"),
        ("Sent", "Ada; Bern"),
        ("Received", "Ben"),
        ("Correspondence", "Ada and Ben"),
        ("Previous letter", "Ben to Ada, 1 May"),
        ("Next letter in this correspondence", "Ada to Ben, 9 May"),
    ]
    # the print heading cites the source the same way
    from teiedit.builders.pdf.plan import plan

    (job,) = [
        j
        for j in plan(Edition.from_files(settings, [tmp_path / "letter.xml"])).jobs
        if j.output == "letter.pdf"
    ]
    printed = html.fromstring(job.html)
    assert printed.xpath("normalize-space(//p[@class='citation'])") == (
        "Source: Manuscript A, Bern; Yale, Beinecke, MSS 31"
    )

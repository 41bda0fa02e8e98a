"""The cascade's decisions by shape, after labelling: the title, furniture, a letter's close, headnotes."""

from __future__ import annotations

import pytest

from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.apparatus import byline_name, mark_bottom, unlabelled_author
from teiedit.readers.cascade.document import _correspondents, _document_date
from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.reader import split_documents
from teiedit.readers.cascade.segment import segment
from teiedit.readers.cascade.shape_rules import (
    abstract_end,
    bracket_notes,
    dated_byline,
    furniture_shapes,
    headnote,
    journal_citation,
    notes_without_text,
    numbered_documents,
    running_meta,
    salutation,
    source_line,
    top_dateline,
    trailing_rules,
)
from teiedit.readers.cascade.titles import THRESHOLD, title_blocks, title_shape
from teiedit.readers.common.boilerplate import boilerplate_reason
from teiedit.readers.common.lines import Block


def blocks(*rows: tuple[str, str] | tuple[str, str, dict[str, float]]) -> list[Labelled]:
    """Labelled blocks of a text made of the rows' texts (one per blank-line paragraph)."""
    text = "\n\n".join(r[1] for r in rows)
    segs = segment(text)
    assert len(segs) == len(rows)
    out = []
    for seg, row in zip(segs, rows, strict=True):
        marg = row[2] if len(row) > 2 else {}
        out.append(Labelled(seg=seg, label=row[0], confidence=0.9, marginals=dict(marg)))
    return out


def conversion() -> Conversion:
    return Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        ("The Secretary of State to the Ambassador in Russia (Francis)", True),
        ("TO MAXIM GORKY", True),
        ("Title: From George Washington to Alexander Hamilton, 25 August 1796", True),
        ("FCO Records: Policy, Practice and Posterity (1782 – 1993)", True),
        ("Introduction", True),
        ("Moscow’s Proxy?", True),
        ("Telegram No. 1580 from Moscow to Washington", True),
        ("Page ii", False),
        ("A Title", True),
        ("From: Washington, George", False),  # a field of the page
        ("Other Formats: TextREADME", False),
        ("@author: My Lenovo", False),
        ("Wednesday 6 March 2024", False),  # a date
        ("Reçu : 25 octobre 1956, 9 h 10", False),  # a field of a telegram's form
        ("Arrived: 3 May 1961", False),  # a field whose value is a date
        ("Created on Wed Jul 7 13:11:51 2021", False),
        ("Journal of Cold War Studies, Volume 8, Number 2, Spring 2006, pp. 3-51", False),
        ("File No. 763.72119/987", False),  # a citation
        ("V. I. Lenin", False),  # a byline
        ("-------------------------------", False),
        ("from the Cold War History project Bulletin", False),  # a fragment
        ("No data available for this record.", False),  # a sentence
        ("First paragraph.", False),  # a short sentence
        ("Introduction.", True),
        ("Abstract and Keywords", False),  # section labels
        ("[Letters](index.htm)", False),  # a link
    ],
)
def test_title_shape(text: str, plausible: bool) -> None:
    assert (title_shape(text) >= 0.3) is plausible, title_shape(text)


def test_an_implausible_title_gives_way_to_a_plausible_candidate() -> None:
    part = blocks(
        ("title", "File No. 763.72119/987", {"title": 0.97}),
        ("title", "The Secretary of State to the Ambassador in Russia", {"title": 0.46}),
        (
            "p",
            "Your telegram has been transmitted, although manifestly improper in character. " * 3,
        ),
    )
    chosen = title_blocks(part, conversion())
    assert [b.one_line for b in chosen] == ["The Secretary of State to the Ambassador in Russia"]
    assert part[0].label == "citation"  # what the labeller took for a title is the file citation


def test_no_plausible_candidate_leaves_the_document_untitled() -> None:
    part = blocks(
        ("byline", "V. I. Lenin", {"title": 0.33}),
        ("meta", "Written: in the first half of April 1908", {"title": 0.25}),
        ("p", "How is it there is no news from you? You wrote that you had long finished. " * 3),
    )
    assert title_blocks(part, conversion()) == []


def test_a_title_taken_back_from_furniture_just_before_the_text() -> None:
    part = blocks(
        ("furniture", "View Original", {"title": 0.0}),
        ("furniture", "An Analysis of the Historiography of the Crisis", {"heading": 0.1}),
        ("p", "The crisis is one of the most studied historical events of the century. " * 3),
    )
    part[0].aside = part[1].aside = "furniture"
    chosen = title_blocks(part, conversion())
    assert [b.one_line for b in chosen] == ["An Analysis of the Historiography of the Crisis"]
    assert chosen[0].aside == "" and chosen[0].confidence >= THRESHOLD


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("< backward   forward >", True),
        ("Works Index | Volume 36 | Collected Works | Index", True),
        ("By Jane Doe | Go to book overview", True),
        ("PDF icon", True),
        ("PDF ePub 版", True),
        ("of 85", True),
        ("36,074", True),
        ("Google Scholar", True),
        ("Open access", True),
        ("ISSN (Print): 2753-7056", True),
        ("# -*- coding: utf-8 -*-", True),
        ("> :::", True),
        ('"""', True),
        ("Image from Mount Vernon", True),
        ("270 COLD WAR INTERNATIONAL HISTORY PROJECT BULLETIN", True),  # a running head
        ("1956 HUNGARIAN REVOLUTION", False),  # a year, no page number
        ("270 COLD WAR INTERNATIONAL HISTORY PROJECT BULLETIN", True),  # a running head
        ("1956 HUNGARIAN REVOLUTION", False),  # a year, no page number
        ("By | April 2, 2015 | 2 Comments", False),  # a byline with the post's date
        ("Back to the USSR", False),
        ("Marx | Engels", False),
        ("Photo of the old bridge was taken in 1950 by the author.", False),
        ("Formats of diplomacy: a study", False),
        ("Report", True),  # a site's button
        ("REPORT", False),  # a document's heading
        ("Direkt zum Inhalt", True),
        ("Impressum | Datenschutz | Kontakt", True),
        ("Ce site utilise des cookies pour mesurer l'audience.", True),
        ("Recherche historique sur la Corée", False),
        ("Teilen: X E-Mail\nImpressum | Datenschutz\n© 2024 Stadtarchiv", True),  # a footer block
        ("Home\nThe archive was founded in 1956.", False),
    ],
)
def test_furniture_shapes(line: str, furniture: bool) -> None:
    assert bool(boilerplate_reason(Block(1, line))) is furniture


def test_furniture_shapes_override_the_labeller_in_the_text_only_for_short_lines() -> None:
    prose = "A paragraph of running text that goes on for a while, as paragraphs do. " * 3
    notice = (
        "All rights reserved. " + "The publisher grants no licence to reproduce this page. " * 2
    )
    part = blocks(
        ("title", "Skip to main content"),
        ("p", prose),
        ("p", notice + "And the paragraph goes on about rights in the archive. " * 2),
        ("p", prose),
        ("heading", "Google Scholar"),
    )
    decisions = furniture_shapes(part)
    assert [b.label for b in part] == ["furniture", "p", "p", "p", "furniture"]
    assert len(decisions) == 2


def test_a_letters_close_signature_and_postscript_by_their_shapes() -> None:
    prose = "I have given the paper enclosed several serious and attentive readings today. " * 2
    part = blocks(
        ("salute", "My dear Sir,"),
        ("p", prose),
        ("p", "With the truest respect I have the honor to be Sir Yr. Obed ser"),
        ("p", "A Hamilton"),
        ("p", "P.S. The enclosed copy was made in haste, and I ask you to forgive its errors."),
    )
    mark_bottom(part)
    assert [b.label for b in part] == ["salute", "p", "closer", "signed", "postscript"]


def test_a_signature_after_the_last_paragraph_without_a_close() -> None:
    prose = "Kardelj informed me that on the night of November 4 they got in touch. " * 2
    part = blocks(("p", prose), ("p", prose), ("p", "4/XI-56 N. FIRIUBIN"))
    mark_bottom(part)
    assert [b.label for b in part] == ["p", "p", "signed"]


def test_no_close_is_invented_in_running_text() -> None:
    prose = "The committee met again in the spring and discussed the report at length. " * 2
    part = blocks(("p", prose), ("p", "Short line."), ("p", prose))
    assert mark_bottom(part) == []
    assert [b.label for b in part] == ["p", "p", "p"]


def test_a_headnote_before_the_documents_top_is_a_summary() -> None:
    part = blocks(
        ("p", "Transcription of a meeting in Moscow between the two leaders on the crisis."),
        ("dateline", "August 01, 1961"),
        ("p", "I have read your speech and I have a comment on one formulation in it. " * 2),
    )
    assert headnote(part)
    assert [b.label for b in part] == ["summary", "dateline", "p"]


def test_the_abstract_ends_at_its_keywords() -> None:
    part = blocks(
        ("summary", "This chapter discusses the theme of this volume, the Cold War."),
        ("summary", "Keywords: Cold War, superpower rivalry, international history"),
        ("summary", "Few if any historical subjects have generated such a literature. " * 2),
    )
    assert abstract_end(part)
    assert [b.label for b in part] == ["summary", "summary", "p"]


@pytest.mark.parametrize(
    ("salute", "addressee"),
    [("Dear A. M.,", "A. M"), ("Dear Comrade Kim,", "Kim"), ("My dear Sir,", "")],
)
def test_a_salutation_names_the_addressee(salute: str, addressee: str) -> None:
    part = blocks(("salute", salute), ("p", "I write to you about the matter we discussed. " * 3))
    assert _correspondents(part, "").addressee == addressee


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Yichen Wang 1*", "Yichen Wang"),
        ("LORENZ M. LÜTHI", "LORENZ M. LÜTHI"),
        ("Aaron Belkin and James G. Blight", "Aaron Belkin and James G. Blight"),
        ("Top Secret", ""),
        ("Research Article", ""),
        ("The Cuban Missile Crisis", ""),
        ("Appendix III", ""),
        ("Cuba and Africa 1975–1988", ""),
    ],
)
def test_a_line_of_nothing_but_a_name(line: str, name: str) -> None:
    assert byline_name(line) == name


def test_an_author_the_labeller_missed() -> None:
    prose = "The crisis of October continues to exert an intense fascination on historians. " * 2
    after_title = blocks(
        ("title", "A Rift in Red"),
        ("furniture", "Open access"),
        ("meta", "Yichen Wang 1*"),
        ("p", prose),
    )
    assert unlabelled_author(after_title) == "Yichen Wang"
    opening = blocks(("title", "New Evidence"), ("p", "by James G. HershbergThe crisis " + prose))
    assert unlabelled_author(opening) == "James G. Hershberg"
    assert unlabelled_author(blocks(("title", "New Evidence"), ("p", prose))) == ""


def test_an_editors_note_after_a_signature_is_a_summary() -> None:
    prose = "Kardelj informed me that on the night of November 4 they got in touch. " * 2
    note = "In this coded telegram, the ministry is informed of the talks in the embassy. " * 2
    part = blocks(("p", prose), ("p", "4/XI-56 N. FIRIUBIN"), ("p", note))
    mark_bottom(part)
    assert [b.label for b in part] == ["p", "signed", "summary"]


@pytest.mark.parametrize(
    ("line", "salute"),
    [
        ("[To] The Foreign Ministry:", True),
        ("Esteemed Alexander Stepanovich,", True),
        ("Fellow-Citizens of the United States:", True),
        ("Friends of the museum will meet on Monday.", False),
    ],
)
def test_a_salutation_before_the_text_by_its_shape(line: str, salute: bool) -> None:
    prose = "After the long telephone conversation with you I consider it necessary to write. " * 2
    part = blocks(("title", "A letter"), ("p", line), ("p", prose))
    salutation(part)
    assert (part[1].label == "salute") is salute


def test_a_name_like_line_with_running_text_after_it_is_no_signature() -> None:
    prose = "The committee met again in the spring and discussed the report at length. " * 2
    part = blocks(("p", prose), ("p", "The Northern Workers’ Party."), ("p", prose), ("p", prose))
    assert mark_bottom(part) == []
    assert [b.label for b in part] == ["p", "p", "p", "p"]


def test_running_text_is_no_metadata_line() -> None:
    sentences = "Today the chairman met me by appointment. He said he is preparing letters; " * 3
    part = blocks(("meta", "Status: Extremely Urgent"), ("meta", sentences))
    part[0].confidence = part[1].confidence = 0.3
    assert running_meta(part)
    assert [b.label for b in part] == ["meta", "p"]


def test_a_headnote_of_several_paragraphs_before_the_salutation() -> None:
    note = "This is the last of the personal letters written during the crisis of that year. "
    part = blocks(
        ("p", note), ("p", note), ("salute", "Esteemed Alexander Stepanovich,"), ("p", note * 3)
    )
    headnote(part)
    assert [b.label for b in part] == ["summary", "summary", "salute", "p"]


def test_a_menu_line_repeated_on_the_page_starts_no_document() -> None:
    prose = "The letter was written in the hope of reaching an understanding in the talks. " * 2
    menu = "TEXT TO SPEECH – READER SOFTWARE"
    part = blocks(("title", menu), ("p", prose), ("title", menu), ("p", prose))
    assert len(split_documents(part)) == 1
    titled = blocks(
        ("title", "First Letter"), ("p", prose), ("title", "Second Letter"), ("p", prose)
    )
    assert len(split_documents(titled)) == 2


def test_a_short_dated_line_before_the_text_is_a_dateline() -> None:
    prose = "I have given the paper enclosed several serious and attentive readings today. " * 2
    part = blocks(("salute", "My dear Sir,"), ("p", "Philadelphia 25th Augt 1796"), ("p", prose))
    assert top_dateline(part)
    assert [b.label for b in part] == ["salute", "dateline", "p"]


def test_a_journal_citation_heading_the_text() -> None:
    prose = "The method is the same in all cases, as the minister wrote to his colleague. " * 2
    cite = "“The Crisis and the Revolution”, East European Quarterly, volume XXXV, No. 1, 47-58."
    part = blocks(("title", "The Crisis"), ("p", cite), ("p", prose))
    assert journal_citation(part)
    assert [b.label for b in part] == ["title", "citation", "p"]
    later = blocks(("p", prose), ("p", cite))
    assert journal_citation(later) == []


def test_a_bracketed_note_body_after_the_text() -> None:
    prose = "Gorky wrote an article on the novel[1] and sent it to the paper in the spring. " * 2
    part = blocks(("p", prose), ("p", "[1] The article did not appear."), ("p", "[2] Not called."))
    assert bracket_notes(part)
    assert [b.label for b in part] == ["p", "note", "p"]


def test_rule_lines_after_the_text_are_layout() -> None:
    prose = "The most amazing rubbish has been produced in this quarter, he wrote to them. " * 2
    part = blocks(("p", prose), ("p", "-" * 40), ("note", "[1] A note."), ("heading", "* * *"))
    trailing_rules(part)
    assert [b.label for b in part] == ["p", "furniture", "note", "furniture"]


def test_a_metadata_line_shaped_like_a_citation_is_the_source() -> None:
    prose = (
        "I have received the telegram from you and am sending my refusal today or tomorrow. " * 2
    )
    cite = (
        "From V. I. Lenin, Collected Works, 4th English Edition, Progress Publishers, Moscow, 1966"
    )
    part = blocks(("meta", "Printed from the original"), ("meta", cite), ("p", prose))
    assert source_line(part)
    assert [b.label for b in part] == ["meta", "citation", "p"]


def test_a_documents_title_the_labeller_took_for_a_salutation() -> None:
    prose = "N. S. Khrushchev: I have read your speech and have a comment on one formulation. " * 2
    title = "Notes on the Conversation of Comrade A with Comrade B on 1 August 1961"
    part = blocks(
        ("dateline", "August 01, 1961"), ("salute", title, {"heading": 0.27}), ("p", prose)
    )
    chosen = title_blocks(part, conversion())
    assert [b.one_line for b in chosen] == [title]
    assert part[1].label == "title"


def test_an_article_pages_publication_line_dates_it() -> None:
    prose = "The bipolar worldview that prevailed in the Cold War era has dominated thinking. " * 2
    part = blocks(
        ("title", "A Rift in Red"),
        ("furniture", "Published on 15 January 2024 | https://doi.org/10.0/x"),
        ("p", prose),
    )
    part[1].aside = "furniture"
    kept = [b for b in part if not b.aside]
    assert _document_date(kept, part, "A Rift in Red", "article", []) == {
        "when": "2024-01-15",
        "text": "15 January 2024",
    }
    assert _document_date(kept, part, "A Rift in Red", "letter", []) is None


def test_a_title_the_labeller_took_for_a_citation_when_it_names_correspondents() -> None:
    prose = "Department has read with genuine satisfaction your telegram of July 10, 8 a.m. " * 2
    part = blocks(
        ("title", "File No. 763.72/5809", {"title": 0.99}),
        ("citation", "The Acting Secretary of State to the Ambassador in Russia", {"title": 0.05}),
        ("p", prose),
    )
    chosen = title_blocks(part, conversion())
    assert [b.one_line for b in chosen] == [
        "The Acting Secretary of State to the Ambassador in Russia"
    ]
    assert part[0].label == "citation"


def test_a_short_line_after_the_salutation_is_part_of_it_a_sentence_is_not() -> None:
    from teiedit.readers.cascade.shape_rules import salutation_line

    prose = "I am writing to you in the hope that the dispute over the harbour can be settled. " * 2
    part = blocks(("salute", "Dear Mr. Mayor:"), ("p", "Kính gửi Ngài Thị trưởng"), ("p", prose))
    assert salutation_line(part)
    assert [b.label for b in part] == ["salute", "salute", "p"]
    for line in ("Thank you for your letter.", "Re: the harbour dues", "12 April 1902"):
        part = blocks(("salute", "Dear Mr. Mayor:"), ("p", line), ("p", prose))
        assert not salutation_line(part), line
        assert [b.label for b in part] == ["salute", "p", "p"]


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        (
            "How is it there is no news from you, dear A. M.? You wrote that you had finished.",
            "A. M.",
        ),
        ("I write at last, my dear Pellow, to tell you the light is lit.", "Pellow"),
        ("Thank you, dear reader, for following this blog.", ""),  # no name
        ("The dear old harbour light was lit at last.", ""),  # no vocative
    ],
)
def test_a_first_sentence_that_names_its_reader(opening: str, name: str) -> None:
    from teiedit.readers.cascade.kinds import decide_kind, vocative

    part = blocks(("p", opening + " The rest of the paragraph goes on for a while longer."))
    assert vocative(part) == name
    assert (decide_kind(part, "", []).kind == "letter") is bool(name)


def test_a_source_of_nothing_but_note_bodies_is_text_except_the_called_notes() -> None:
    part = blocks(
        ("note", "Rome, May 2, 1960—4 p.m.", {"note": 0.6, "dateline": 0.3}),
        ("note", "517. Minister reports new cabinet will be formed next week.1"),
        ("note", "Smith", {"note": 0.5, "signed": 0.4}),
        ("note", "1 Not printed."),
    )
    for b in part:
        ranked = sorted(b.marginals, key=lambda k: -b.marginals[k])
        b.alternative = (ranked[1], b.marginals[ranked[1]]) if len(ranked) > 1 else ("", 0.0)
    assert len(notes_without_text(part)) == 3
    assert [b.label for b in part] == ["dateline", "p", "signed", "note"]


def test_note_bodies_beside_a_paragraph_stay_notes() -> None:
    part = blocks(("p", "The text.1"), ("note", "517. A long note about the number."))
    assert notes_without_text(part) == []
    assert [b.label for b in part] == ["p", "note"]


@pytest.mark.parametrize(
    ("bottom", "labels"),
    [
        (("Consul of the GDR in Shanghai", "H. Weber"), ["signed", "signed"]),
        (("WEBER",), ["signed"]),
        (("Hans Weber\nconsul general",), ["signed"]),
    ],
)
def test_a_records_signature_after_a_short_last_paragraph(
    bottom: tuple[str, ...], labels: list[str]
) -> None:
    prose = (
        "The consul received the delegation at noon and listened to its requests at length. " * 2
    )
    part = blocks(("p", prose), ("p", "The talk lasted an hour."), *(("p", x) for x in bottom))
    assert mark_bottom(part)
    assert [b.label for b in part] == ["p", "p", *labels]


def test_a_trailing_name_heading_is_a_signature_a_notes_heading_is_not() -> None:
    prose = (
        "The consul received the delegation at noon and listened to its requests at length. " * 2
    )
    part = blocks(("p", prose), ("p", "It ended."), ("heading", "WEBER"))
    assert mark_bottom(part)
    assert [b.label for b in part] == ["p", "p", "signed"]
    part = blocks(("p", prose), ("p", "It ended.1"), ("heading", "NOTES"), ("note", "1 A note."))
    mark_bottom(part)
    assert [b.label for b in part] == ["p", "p", "heading", "note"]


def test_a_name_line_in_the_text_is_no_signature() -> None:
    prose = (
        "The consul received the delegation at noon and listened to its requests at length. " * 2
    )
    part = blocks(("p", prose), ("p", "Hans Weber"), ("p", prose))
    assert mark_bottom(part) == []
    assert [b.label for b in part] == ["p", "p", "p"]


def test_a_day_in_a_byline_makes_it_a_dateline() -> None:
    part = blocks(("byline", "Shanghai, 3.V.1958"), ("byline", "Hans Weber"))
    assert dated_byline(part)
    assert [b.label for b in part] == ["dateline", "byline"]


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Werte Genossin Weber!", "salute"),
        ("Madame la Directrice,", "salute"),
        ("Mit kommunistischem Gruß", "closing"),
        ("Veuillez agréer, Madame, mes salutations distinguées.", "closing"),
        ("Madame Curie was born in Warsaw.", ""),
    ],
)
def test_german_and_french_salutations_and_closes(line: str, shape: str) -> None:
    from teiedit.readers.cascade.features import shapes

    found = {s for s in shapes(line, []) if s in ("salute", "closing")}
    assert found == ({shape} if shape else set())


def test_a_salutation_taken_for_a_title_above_the_text_is_one() -> None:
    prose = "Ich schreibe Ihnen heute über die Lage in der Stadt und in den Betrieben. " * 2
    part = blocks(
        ("dateline", "Halle, den 3. Mai 1961"), ("title", "Werte Genossin Weber!"), ("p", prose)
    )
    assert salutation(part)
    assert [b.label for b in part] == ["dateline", "salute", "p"]


def test_the_line_above_the_authors_name_is_the_title() -> None:
    part = blocks(
        ("furniture", "The Harvest of 1958 Revisited", {"furniture": 0.4, "title": 0.05}),
        ("heading", "Jane Doe", {"heading": 0.8}),
        ("p", "The harvest of the province was below the plan for the third year running. " * 2),
    )
    part[0].aside = "x"
    titles = title_blocks(part, conversion())
    assert [b.one_line for b in titles] == ["The Harvest of 1958 Revisited"]


def test_superscript_calls_and_note_numbers_pair() -> None:
    from teiedit.readers.cascade.notelink import link

    part = blocks(
        ("p", "The plenum met in August.¹ It met again in September.²"),
        ("heading", "Notes"),
        ("p", "¹ Minutes of the plenum."),
        ("p", "² Ibid."),
    )
    assert len(bracket_notes(part)) == 2
    linker = link(part, frozenset({"p"}))
    assert [(b.n, b.text, b.used) for b in linker.bodies] == [
        ("1", "Minutes of the plenum.", True),
        ("2", "Ibid.", True),
    ]


def test_a_numbered_document_and_the_line_naming_it_are_its_title() -> None:
    prose = (
        "The consul received the delegation at noon and listened to its requests at length. " * 2
    )
    part = blocks(
        ("p", prose),
        ("heading", "DOCUMENT No. 7"),
        ("summary", "Note of the Consulate in Shanghai, 3 May 1958"),
        ("p", prose),
        ("p", "Document 8"),
        ("p", "It was agreed that the talks would go on."),
    )
    assert len(numbered_documents(part)) == 2
    assert [b.label for b in part] == ["p", "title", "title", "p", "p", "p"]


def test_a_title_from_an_ambassadors_journal_is_a_journal() -> None:
    from teiedit.readers.cascade.kinds import decide_kind

    prose = "Received the consul at his request. He asked about the delivery of the machines. " * 2
    part = blocks(("title", "From the Journal of the Consul in Shanghai H. Weber"), ("p", prose))
    assert decide_kind(part, part[0].one_line, []).kind == "journal"

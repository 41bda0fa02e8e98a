"""The cascade's decisions by a block's neighbours: note runs, abstract pieces, lone summaries."""

from __future__ import annotations

from teiedit.readers.cascade.model import Labelled
from teiedit.readers.cascade.neighbours import (
    abstract_pieces,
    address_lines,
    lone_summary,
    note_sequence,
    telegram_number,
)
from teiedit.readers.cascade.segment import segment


def blocks(*rows: tuple[str, str], sep: str = "\n\n") -> list[Labelled]:
    """Labelled blocks of a text made of the rows' texts (joined by ``sep``)."""
    segs = segment(sep.join(r[1] for r in rows))
    assert len(segs) == len(rows)
    return [Labelled(seg=s, label=r[0], confidence=0.9) for s, r in zip(segs, rows, strict=True)]


def labels(bs: list[Labelled]) -> list[str]:
    return [b.label for b in bs]


def test_a_numbered_block_after_notes_is_the_next_note() -> None:
    bs = blocks(
        ("p", "The text of the telegram, with calls (1) and (2) and (3) in it, ends here."),
        ("note", "1 Document 115."),
        ("note", "2 See Documents 84 and 91."),
        ("citation", "3 Dated October 31. (Department of State, Central Files, 033.6111/10-3162)"),
        ("citation", "Source: Department of State, Central Files, 761.00/10-3162. Secret."),
    )
    assert note_sequence(bs)
    assert labels(bs) == ["p", "note", "note", "note", "citation"]


def test_a_number_out_of_sequence_stays_what_it_was() -> None:
    bs = blocks(("note", "1 Document 115."), ("citation", "7 Dated October 31, Central Files."))
    assert not note_sequence(bs)
    assert labels(bs) == ["note", "citation"]


def test_an_address_alone_is_furniture_an_address_in_a_sentence_is_not() -> None:
    bs = blocks(
        ("p", "http://example.org/page/info"),
        ("p", "[email protected]"),
        ("p", "Write to the archive at http://example.org for copies of the file."),
    )
    assert len(address_lines(bs)) == 2
    assert labels(bs) == ["furniture", "furniture", "p"]


def test_a_summary_without_text_after_it_is_the_text() -> None:
    bs = blocks(
        ("title", "The Acting Secretary of State to the Ambassador"),
        ("summary", "Department has read with satisfaction your telegram of July 10."),
    )
    assert lone_summary(bs)
    assert labels(bs) == ["title", "p"]
    kept = blocks(("summary", "A headnote about it."), ("p", "The text of it."))
    assert not lone_summary(kept)
    assert labels(kept) == ["summary", "p"]
    cut = blocks(("heading", "Abstract"), ("summary", "What the article argues, in short."))
    assert not lone_summary(cut)  # a page cut after its abstract
    assert labels(cut) == ["heading", "summary"]


def test_a_telegram_number_opens_the_text() -> None:
    bs = blocks(
        ("title", "The Acting Secretary of State to the Ambassador"),
        ("citation", "1580. For transmission by wireless to Root:"),
        ("p", "Department has read with satisfaction your telegram."),
    )
    assert telegram_number(bs)
    assert labels(bs) == ["title", "p", "p"]
    shelf = blocks(("citation", "761.00/10-3162. Secret."), ("p", "Text."))
    assert not telegram_number(shelf)
    assert labels(shelf) == ["citation", "p"]


def test_the_pieces_of_an_abstract_line_are_the_abstract() -> None:
    long_line = " ".join(
        f"Sentence number {i} of the abstract says something about the field and its history."
        for i in range(12)
    )
    segs = segment(f"Abstract\n\n{long_line}\n\nThe first paragraph of the text.")
    assert len(segs) > 3  # the long line was cut into pieces
    bs = [Labelled(seg=s, label="p", confidence=0.9) for s in segs]
    bs[0].label, bs[1].label = "heading", "summary"
    assert abstract_pieces(bs)
    assert labels(bs) == ["heading"] + ["summary"] * (len(segs) - 2) + ["p"]


def test_a_short_first_part_under_an_unsure_title_is_the_page_top() -> None:
    from teiedit.readers.base import Conversion, Source
    from teiedit.readers.cascade.reader import _page_top, split_documents

    rows = (
        ("furniture", "MENU"),
        ("title", "A BLOG OF SOMETHING AND EVERYTHING ELSE"),
        ("p", "Click here to open the link in a new tab."),
        ("title", "Letter from the President to the Chairman, February 8, 1967"),
        ("salute", "Dear Mr. Chairman:"),
        ("p", "I am writing to you in the hope that the conflict can be brought to an end."),
    )
    bs = blocks(*rows)
    bs[1].confidence = 0.28
    conv = Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")
    parts = split_documents(bs)
    assert len(parts) == 2
    merged = _page_top(parts, conv)
    assert len(merged) == 1 and len(merged[0]) == 6
    assert [b.label for b in bs[:3]] == ["furniture"] * 3
    assert [s.text for s in conv.set_aside] == [bs[1].text, bs[2].text]
    parts = split_documents(blocks(*rows))  # the same page, its first title confident
    assert len(parts) == 2
    assert len(_page_top(parts, conv)) == 2


def test_a_viewer_label_of_a_file_is_no_title_the_file_name_with_an_article_may_be() -> None:
    from teiedit.readers.cascade.titles import _viewer_label

    furniture = ["Cuban Missile Crisis", "of 85"]
    assert _viewer_label("Transcript of Cuban Missile Crisis", furniture)
    assert _viewer_label("download Cuban Missile Crisis", furniture)
    assert not _viewer_label("The Cuban Missile Crisis", furniture)
    assert not _viewer_label("New Evidence on the Cuban Missile Crisis: More Documents", furniture)


def test_a_blog_date_over_a_dated_letter_title_is_not_the_letter_date() -> None:
    from teiedit.readers.cascade.document import _document_date

    bs = blocks(
        ("dateline", "Thursday, May 9, 2013"),
        ("title", "Letter from the President to the Chairman, February 8, 1967"),
        ("salute", "Dear Mr. Chairman:"),
        ("p", "I am writing to you in the hope that the conflict can be brought to an end."),
    )
    title = bs[1].one_line
    date = _document_date(bs, bs, title, "letter", [], [bs[1]])
    assert date is not None and date["when"] == "1967-02-08"
    post = _document_date(bs, bs, "A post about a letter", "blog", [], [bs[1]])
    assert post is not None and post["when"] == "2013-05-09"


def test_a_section_line_above_the_title_is_set_aside_an_author_name_is_not() -> None:
    from teiedit.readers.base import Conversion, Source
    from teiedit.readers.cascade.title_top import above_title

    bs = blocks(
        ("byline", "The Cuban Missile Crisis"),
        ("title", "CWIHP eDossier No. 77"),
        ("byline", "Pierre Asselin"),
        ("title", "Telegram From the Embassy in the Soviet Union to the Department of State"),
        ("p", "The text of the telegram."),
        ("heading", "A heading in the text"),
    )
    conv = Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")
    assert len(above_title(bs, [bs[3]], conv)) == 2
    assert labels(bs) == ["furniture", "furniture", "byline", "title", "p", "heading"]
    assert [s.text for s in conv.set_aside] == [bs[0].text, bs[1].text]
    assert not above_title(bs, [], conv)


def test_a_place_and_day_above_the_title_is_the_dateline() -> None:
    from teiedit.readers.base import Conversion, Source
    from teiedit.readers.cascade.title_top import above_title

    bs = blocks(("heading", "Lyon, den 3. Mai 1961"), ("title", "Werte Kollegen!"), ("p", "Text."))
    conv = Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")
    assert above_title(bs, [bs[1]], conv)
    assert labels(bs) == ["dateline", "title", "p"]
    assert conv.set_aside == []


def test_a_salutation_glued_to_the_first_paragraph_is_cut_from_it() -> None:
    from teiedit.readers.cascade.neighbours import glued_salutation

    text = "Fellow-Citizens of the Republic: In compliance with a custom as old as the Republic I appear."
    bs = blocks(("title", "An Address"), ("p", text))
    assert glued_salutation(bs)
    assert labels(bs) == ["title", "salute", "p"]
    assert bs[1].text == "Fellow-Citizens of the Republic:"
    assert bs[2].text == "In compliance with a custom as old as the Republic I appear."
    assert bs[2].seg.start == text.index("In") + bs[1].seg.start
    assert bs[1].one_line == bs[1].text  # the cached one-line text follows the cut
    plain = blocks(("p", "Comrades in the south of the country were not told of it."))
    assert not glued_salutation(plain)
    assert labels(plain) == ["p"]


def test_a_speech_with_a_glued_salutation_converts_losslessly() -> None:
    from fuzz_convert import check_conversion

    body = " ".join(["The custom of the country asks me to speak to you today."] * 4)
    check_conversion(
        f"An Address\n\nFellow-Citizens of the Republic: {body}\n\nI thank you.\n", None
    )


def test_a_name_alone_at_the_top_is_the_byline() -> None:
    from teiedit.readers.cascade.title_top import name_lines

    bs = blocks(
        ("heading", "Gusztáv KECSKÉS"),
        ("title", "The Suez Crisis and the 1956 Hungarian Revolution"),
        ("heading", "Pierre Asselin"),
        ("heading", "SELECTED DOCUMENTS FROM"),
        ("heading", "Notes and Sources"),
        ("heading", "Original Articles"),
        ("p", "The text of the essay, long enough to be running text of the document itself."),
        ("heading", "Karl Marx"),
    )
    assert len(name_lines(bs, [bs[1]])) == 2
    assert labels(bs) == [
        "byline",
        "title",
        "byline",
        "heading",
        "heading",
        "heading",
        "p",
        "heading",
    ]


def test_printed_pages_make_a_titled_prose_an_article_not_a_post() -> None:
    from teiedit.readers.cascade.kinds import decide_kind

    bs = blocks(
        ("furniture", "of 85"),
        ("title", "New Evidence on the Crisis"),
        ("p", "The crisis of October continues to exert an intense fascination on historians."),
    )
    bs[0].aside = "navigation, counters or actions of the web page"
    assert decide_kind(bs[1:], bs[1].one_line, bs[:1]).kind == "article"
    assert decide_kind(bs[1:], bs[1].one_line, []).kind == "blog"


def test_a_mark_is_no_summary_and_a_reference_line_is_the_top() -> None:
    from teiedit.readers.cascade.neighbours import reference_line, tiny_summary

    bs = blocks(
        ("summary", "K"),
        ("item", "33. Telegram From the Embassy to the Department of State"),
        ("item", "3321. Ref: A. State 128486; B. Moscow 3295, para 1"),
        ("item", "1. " + "The counsellor failed to call back yesterday afternoon as agreed. " * 3),
        ("item", "2. Ref: the paragraph above."),
    )
    assert tiny_summary(bs) and reference_line(bs)
    assert labels(bs) == ["opener", "item", "opener", "item", "item"]
    text = blocks(("p", "The text. " * 20), ("p", "Subject: a line in the text."))
    assert not reference_line(text)
    assert labels(text) == ["p", "p"]


def test_numbered_document_headings_with_text_under_them_are_titles() -> None:
    from teiedit.readers.cascade.neighbours import numbered_documents
    from teiedit.readers.cascade.reader import split_documents

    text = (
        "The ambassador reports that the revolutionists hold the city and the ministers are gone. "
        * 3
    )
    bs = blocks(
        ("heading", "SELECTED DOCUMENTS"),
        ("meta", "DOCUMENT NO. 1 Cable from the Ambassador"),
        ("citation", "DOCUMENT NO. 2 Memorandum of the Foreign Office (October 1917)"),
        ("citation", "DOCUMENT NO. 1Cable from the Ambassador to the Department"),
        ("p", text),
        ("p", "DOCUMENT NO. 2Memorandum of the Foreign Office"),
        ("p", text),
    )
    assert numbered_documents(bs)
    assert labels(bs) == ["heading", "item", "item", "title", "p", "title", "p"]
    assert len(split_documents(bs)) == 3
    once = blocks(("p", "Document No. 5 was sent on the same day. " + text), ("p", text))
    assert not numbered_documents(once)
    assert labels(once) == ["p", "p"]


def test_a_page_of_posts_splits_at_each_title_under_the_page_title() -> None:
    from teiedit.readers.cascade.neighbours import post_titles
    from teiedit.readers.cascade.reader import _whole_title, split_documents

    text = (
        "The archives have confirmed that the rule for the release of records will change soon. "
        * 2
    )
    bs = blocks(
        ("furniture", "Tag Archives: the wall"),
        ("p", "Government confirms a new rule for official documents"),
        ("p", text),
        ("furniture", "Filed under News"),
        ("heading", "A Reporter on the City"),
        ("p", text),
    )
    bs[0].aside = "web-site or host furniture"
    assert len(post_titles(bs)) == 2
    assert labels(bs) == ["furniture", "title", "p", "furniture", "title", "p"]
    parts = split_documents(bs)
    assert [len(p) for p in parts] == [4, 2]
    assert _whole_title(parts[0]) == "Tag Archives: the wall"
    one = blocks(
        ("p", "A short line of a page"), ("p", text), ("heading", "A Heading"), ("p", text)
    )
    assert not post_titles(one)
    assert labels(one) == ["p", "p", "heading", "p"]


def test_a_year_glued_to_the_day_comma_is_read() -> None:
    from teiedit.readers.cascade.fields import first_date

    got = first_date("Pledges Made at Bratislava, August 16,1968")
    assert got == {"when": "1968-08-16", "text": "August 16, 1968"}
    assert first_date("1,234,567 copies") is None


def test_an_empty_abstract_panel_is_furniture_a_full_one_is_not() -> None:
    from teiedit.readers.cascade.neighbours import empty_panel

    bs = blocks(
        ("heading", "#### Abstract"),
        ("heading", "-----------"),
        ("citation", "Source: Collected Works, volume 44."),
        ("heading", "Abstract"),
        ("summary", "What the letter says, in short."),
    )
    assert len(empty_panel(bs)) == 1
    assert labels(bs) == ["furniture", "heading", "citation", "heading", "summary"]


def test_a_terms_of_use_cover_page_is_furniture_up_to_the_text() -> None:
    from teiedit.readers.cascade.neighbours import cover_notice, lone_summary

    bs = blocks(
        ("title", "An Article"),
        (
            "p",
            "Your use of the archive indicates your acceptance of the Terms and Conditions of Use.",
        ),
        ("p", "Please contact the publisher regarding any further use of this work."),
        ("postscript", "Political Psychology, Vol. 12, No. 4, 1991"),
        (
            "postscript",
            "We argue that as the powers move closer together, the others feel threatened.",
        ),
    )
    assert cover_notice(bs) and lone_summary(bs)
    assert labels(bs) == ["title", "furniture", "furniture", "p", "p"]
    text = blocks(("p", "The terms of use of the port were agreed in 1921."), ("p", "More text."))
    assert not cover_notice(text)
    assert labels(text) == ["p", "p"]


def test_paragraphs_under_a_title_before_an_elision_mark_are_the_headnote() -> None:
    from teiedit.readers.cascade.neighbours import elided_headnote

    bs = blocks(
        ("title", "Document No. 4: Protocol of the Politburo Meeting, August 27, 1980"),
        ("p", "By this time, the Politburo had begun meeting almost daily."),
        ("p", "All possibilities were discussed, with considerable candour."),
        ("p", "[…]"),
        ("p", "Agenda: the situation in the country."),
    )
    assert elided_headnote(bs)
    assert labels(bs) == ["title", "summary", "summary", "p", "p"]
    none = blocks(("title", "A Letter"), ("p", "[...]"), ("p", "The text."))
    assert not elided_headnote(none)
    assert labels(none) == ["title", "p", "p"]


def test_the_pieces_of_a_run_on_line_are_paragraphs_not_summaries() -> None:
    from teiedit.readers.cascade.neighbours import elided_headnote, run_on_pieces

    sentence = "When this book on the split was published, it joined a long line of studies. "
    segs = segment(sentence * 14)
    assert len(segs) >= 4
    bs = [Labelled(seg=s, label="p", confidence=0.9) for s in segs]
    bs[0].label, bs[1].label, bs[2].label = "summary", "title", "heading"
    assert run_on_pieces(bs)
    assert labels(bs) == ["p"] * len(segs)
    top = [Labelled(seg=s, label="p", confidence=0.9) for s in segs]
    top[0].label = "title"  # the document's heading glued to its text keeps its label
    run_on_pieces(top)
    assert top[0].label == "title"
    text = blocks(
        ("p", "The text of an article, long enough to be its running text."),
        ("heading", "A Section"),
        ("p", "A paragraph of the section."),
        ("p", "[…]"),
        ("p", "More of it."),
    )
    assert not elided_headnote(text)
    assert labels(text) == ["p", "heading", "p", "p", "p"]


def test_a_line_opening_like_the_first_title_after_text_starts_the_next_document() -> None:
    from teiedit.readers.cascade.reader import split_documents
    from teiedit.readers.cascade.titles import series_titles

    text = (
        "Comrade Khrushchev said that the situation in the country is serious and must be met. " * 2
    )
    bs = blocks(
        ("title", "Working Notes from the Session of the Presidium on 21 October 1956"),
        ("p", text),
        ("citation", "[Source: the archive, fond 3, unnumbered page.]"),
        ("note", "Working Notes from the Session of the Presidium on 23 October 1956"),
        ("p", text),
        ("p", "Working Notes from the Session of the Presidium on 21 October 1956"),
    )
    assert len(series_titles(bs)) == 1
    assert labels(bs) == ["title", "p", "citation", "title", "p", "p"]
    assert len(split_documents(bs)) == 2


def test_a_sentence_of_greetings_before_the_formula_is_the_last_paragraph() -> None:
    from teiedit.readers.cascade.apparatus import sentence_closers

    bs = blocks(
        ("p", "The text of the letter, long enough to be its running text and to end it."),
        ("closer", "Best regards to the Countess and the little one. [3]"),
        ("closer", "Yours"),
        ("signed", "KM"),
    )
    assert sentence_closers(bs)
    assert labels(bs) == ["p", "p", "closer", "signed"]
    formula = blocks(("closer", "With the truest respect"), ("closer", "I have the honor to be"))
    assert not sentence_closers(formula)
    assert labels(formula) == ["closer", "closer"]


def test_a_short_essay_with_notes_before_the_first_title_is_a_document_not_the_page_top() -> None:
    from teiedit.readers.base import Conversion, Source
    from teiedit.readers.cascade.reader import _page_top, split_documents

    bs = blocks(
        ("p", "The commission met twice, and both meetings left records.[1]"),
        ("note", "1. City Archive, Fond 2."),
        ("title", "Memorandum of Conversation with the Harbour Master, 3 May 1958"),
        ("p", "The harbour master said the channel was silting and the dredger was broken."),
    )
    conv = Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")
    parts = split_documents(bs)
    assert len(parts) == 2
    assert len(_page_top(parts, conv)) == 2
    assert not conv.set_aside
    assert labels(bs) == ["p", "note", "title", "p"]


def test_a_line_naming_the_kind_above_the_title_is_kept_and_decides_the_kind() -> None:
    from teiedit.readers.base import Conversion, Source
    from teiedit.readers.cascade.kinds import decide_kind
    from teiedit.readers.cascade.title_top import above_title

    prose = "The harvest of the province was below the plan for the third year running. " * 2
    bs = blocks(("heading", "REPORT"), ("title", "On the Harvest in the Province"), ("p", prose))
    conv = Conversion(source=Source(text="", name="x", filename="x.txt", sha256=""), profile="auto")
    assert above_title(bs, [bs[1]], conv)
    assert labels(bs) == ["opener", "title", "p"]
    assert decide_kind(bs, bs[1].one_line, []).kind == "report"
    record = blocks(
        ("opener", "Record of Conversation"), ("title", "With the Consul"), ("p", prose)
    )
    assert decide_kind(record, record[1].one_line, []).kind == "memorandum"

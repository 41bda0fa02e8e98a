"""Correspondence headers in layouts and languages the development corpus does not show: header fields
("Von: / An: / Betreff:", "De : / À : / Objet :", "TO: / FROM: / SUBJECT:", a cable's "FM / TO / INFO"),
address and place-and-date lines, glued salutations of other languages, editors' comments. Small
synthetic texts, read by the cascade; XPath tables on the TEI it makes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedit.config import default_settings
from teiedit.readers.base import Conversion, Source
from teiedit.readers.cascade.letter_cues import field_of
from teiedit.readers.cascade.letter_facts import correspondent
from teiedit.readers.cascade.letter_head import place_and_date

NS = {"t": "http://www.tei-c.org/ns/1.0"}
HERE = Path(__file__).parent


def read(*lines: str, sep: str = "\n") -> Conversion:
    from teiedit.readers.cascade.reader import CascadeReader

    text = sep.join(lines) + "\n"
    source = Source(text=text, name="sample", filename="sample.txt", sha256="0" * 64)
    return CascadeReader().read(source, default_settings(HERE))


def xpath(conv: Conversion, expr: str) -> list[str]:
    """The string values of ``expr`` on the conversion's only document, white space folded."""
    assert len(conv.documents) == 1
    found = conv.documents[0].root.xpath(expr, namespaces=NS)
    assert isinstance(found, list)
    return [
        " ".join(("".join(x.itertext()) if isinstance(x, etree._Element) else str(x)).split())
        for x in found
    ]


KIND = "//t:keywords/t:term[@type='kind']"
TITLE = "//t:titleStmt/t:title[@type='main']"
SENT = "//t:correspAction[@type='sent']/*[1]"
RECEIVED = "//t:correspAction[@type='received']/*[1]"
DATE = "//t:creation/t:date/@when"


def aside(conv: Conversion) -> list[str]:
    return [s.text for s in conv.set_aside]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("Von: Marie Lenz", ("from", "Marie Lenz")),
        ("Absender: Johann Thorne, Kiel", ("from", "Johann Thorne, Kiel")),
        ("Expéditeur : Pierre Durand", ("from", "Pierre Durand")),
        ("À : Henri Lefèvre", ("to", "Henri Lefèvre")),
        ("Betreff: Die Bibliothek", ("subject", "Die Bibliothek")),
        ("encl.: Survey of the basin", ("enclosure", "Survey of the basin")),
        ("cc: Harbour Master", ("copy", "Harbour Master")),
        ("Objet : Les archives", ("subject", "Les archives")),
        ("SUBJECT: Dredging", ("subject", "Dredging")),
        ("MEMORANDUM FOR THE SECRETARY OF STATE", ("to", "THE SECRETARY OF STATE")),
        ("FM AMEMBASSY OSLO", ("from", "AMEMBASSY OSLO")),
        ("INFO AMEMBASSY BONN", ("copy", "AMEMBASSY BONN")),
        ("Participants: Mr. Berg; Mr. Whitfield", ("participants", "Mr. Berg; Mr. Whitfield")),
        ("To be or not to be: that is the question", None),
        ("To Maxim Gorky", None),
        ("Datum der Sitzung war unklar.", None),
    ],
)
def test_header_field_lines(line: str, field: tuple[str, str] | None) -> None:
    assert field_of(line) == field


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("Kiel, den 12. April 1902", True),
        ("Lyon, le 14 juillet 1889", True),
        ("Washington, April 22, 1958", True),
        ("The light was lit on 12 April 1902", False),
        ("April 1902", False),
    ],
)
def test_place_and_date_lines(line: str, dated: bool) -> None:
    assert place_and_date(line) is dated


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Pierre Durand, notaire, Lyon", "Pierre Durand"),
        ("Monsieur Jules Martin", "Jules Martin"),
        ("SECSTATE WASHDC PRIORITY 1422", "SECSTATE WASHDC"),
        ("Chief, Harbour Section", "Chief, Harbour Section"),
        # an office, then the person who writes for it; a person, then the office
        ("Referat III, Dr. Hans Vogel", "Hans Vogel"),
        ("William Carver, Collector of Customs", "William Carver"),
    ],
)
def test_a_header_fields_correspondent(value: str, name: str) -> None:
    assert correspondent(value) == name


GERMAN = (
    "Von: Marie Lenz",
    "An: Friedrich Holm",
    "Datum: 3. März 1911",
    "Betreff: Die Bibliothek in Graz",
    "Lieber Friedrich,",
    "ich schreibe Dir aus Graz, wo ich seit einer Woche in der Bibliothek arbeite. Die Handschriften "
    "sind in besserem Zustand, als wir dachten.",
    "Bitte sende mir die Abschriften der Briefe aus dem Jahr 1848, sobald Du kannst; ich brauche sie "
    "für die Vergleichung.",
    "Herzliche Grüße",
    "Deine Marie",
)


def test_a_german_letter_with_header_fields_on_single_lines() -> None:
    conv = read(*GERMAN)
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, TITLE) == ["Die Bibliothek in Graz"]
    assert xpath(conv, SENT) == ["Marie Lenz"]
    assert xpath(conv, RECEIVED) == ["Friedrich Holm"]
    assert xpath(conv, DATE) == ["1911-03-03"]
    assert xpath(conv, "//t:body//t:opener/t:salute") == ["Lieber Friedrich,"]
    assert xpath(conv, "//t:body//t:p[1]")[0].startswith("ich schreibe Dir aus Graz")
    assert xpath(conv, "//t:body//t:closer/t:salute") == ["Herzliche Grüße"]
    # the header is the letter's text, not a page's metadata set aside
    assert xpath(conv, "//t:body//t:opener/t:seg") == [
        "Von: Marie Lenz",
        "An: Friedrich Holm",
        "Betreff: Die Bibliothek in Graz",
    ]
    assert xpath(conv, "//t:body//t:opener/t:dateline") == ["Datum: 3. März 1911"]
    assert aside(conv) == []


FRENCH = (
    "Expéditeur : Pierre Durand, notaire, Lyon",
    "À Monsieur Jules Martin, maire de Vienne",
    "Lyon, le 14 juillet 1889",
    "Objet : La restauration du pont",
    "Monsieur le Maire,",
    "J'ai l'honneur de vous informer que les travaux de restauration du pont ont commencé le premier "
    "de ce mois et que l'entrepreneur compte les achever avant l'hiver.",
    "Je vous prie de bien vouloir transmettre au conseil municipal le devis ci-joint, qui a été "
    "approuvé par l'ingénieur.",
    "Veuillez agréer, Monsieur le Maire, l'expression de ma haute considération.",
    "Pierre Durand",
)


def test_a_french_letter_with_an_address_line_between_its_fields() -> None:
    conv = read(*FRENCH, sep="\n\n")
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, TITLE) == ["La restauration du pont"]
    assert xpath(conv, SENT) == ["Pierre Durand"]
    assert xpath(conv, RECEIVED) == ["Jules Martin"]
    assert xpath(conv, DATE) == ["1889-07-14"]
    assert xpath(conv, "//t:body//t:opener/t:dateline") == ["Lyon, le 14 juillet 1889"]
    assert "À Monsieur Jules Martin, maire de Vienne" in xpath(conv, "//t:body//t:opener/t:seg")
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["Pierre Durand"]
    assert aside(conv) == []


def test_a_glued_french_salutation_is_cut_from_its_paragraph() -> None:
    conv = read(
        "De : Claire Moreau",
        "À : Henri Lefèvre",
        "Date : 2 février 1934",
        "Cher ami,",
        "je rentre de Nantes, où j'ai pu consulter les registres de la préfecture. Ils confirment ce "
        "que vous pensiez.",
        "Bien amicalement,",
        "Claire Moreau",
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, "//t:body//t:opener/t:salute") == ["Cher ami,"]
    assert xpath(conv, "//t:body//t:closer/t:salute") == ["Bien amicalement,"]
    assert xpath(conv, RECEIVED) == ["Henri Lefèvre"]


MEMO = (
    "MEMORANDUM",
    "TO: Director of Planning",
    "FROM: Chief, Harbour Section",
    "SUBJECT: Dredging of the inner basin",
    "DATE: March 3, 1962",
    "The inner basin has silted to a depth that no longer admits the ferries at low water, and the "
    "harbour master has asked for it to be dredged.",
    "It is recommended that dredging be undertaken before the summer season and that the cost be met "
    "from the harbour fund.",
    "R. Ellison",
)


def test_a_memorandums_fields_give_its_title_correspondents_and_date() -> None:
    conv = read(*MEMO, sep="\n\n")
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, TITLE) == ["Dredging of the inner basin"]
    assert xpath(conv, RECEIVED) == ["Director of Planning"]
    # the From field names only an office ("Chief, Harbour Section"): the signer is the sender
    assert xpath(conv, SENT) == ["R. Ellison"]
    assert "FROM: Chief, Harbour Section" in xpath(conv, "//t:body//t:opener/t:seg")
    assert xpath(conv, DATE) == ["1962-03-03"]
    assert "SUBJECT: Dredging of the inner basin" in xpath(conv, "//t:body//t:opener/t:seg")
    assert aside(conv) == []


def test_a_memorandum_of_conversation_keeps_its_participants() -> None:
    conv = read(
        "Memorandum of Conversation",
        "Date: October 14, 1961",
        "Subject: Fishing rights in the Northern Sound",
        "Participants: The Minister of Fisheries; Mr. Olaf Berg, Counsellor of the Embassy",
        "Mr. Berg called at his request to present his government's views on the fishing limits in "
        "the Northern Sound.",
        "Mr. Whitfield said that the question was under study and that no decision would be taken "
        "before the conference in the spring.",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, TITLE) == ["Fishing rights in the Northern Sound"]
    assert xpath(conv, DATE) == ["1961-10-14"]
    assert any(s.startswith("Participants: The Minister") for s in xpath(conv, "//t:body//t:seg"))
    assert xpath(conv, "//t:correspDesc") == []  # no sender and addressee: none invented
    assert aside(conv) == []


def test_a_cables_header_without_colons() -> None:
    conv = read(
        "TELEGRAM",
        "FM AMEMBASSY OSLO",
        "TO SECSTATE WASHDC PRIORITY 1422",
        "INFO AMEMBASSY COPENHAGEN",
        "DATE 11 MAY 1965",
        "SUBJECT: FISHERIES TALKS",
        "1. FOREIGN MINISTRY TODAY INFORMED EMBASSY THAT TALKS WITH DANISH DELEGATION WILL OPEN ON "
        "MAY 20 IN BERGEN.",
        "2. NORWEGIANS EXPECT AGREEMENT ON INTERIM LIMITS BUT NOT ON LONG TERM ARRANGEMENT.",
    )
    assert xpath(conv, KIND) == ["telegram"]
    assert xpath(conv, TITLE) == ["FISHERIES TALKS"]
    assert xpath(conv, SENT) == ["AMEMBASSY OSLO"]
    assert xpath(conv, RECEIVED) == ["SECSTATE WASHDC"]
    assert xpath(conv, DATE) == ["1965-05-11"]
    assert "INFO AMEMBASSY COPENHAGEN" in xpath(conv, "//t:body//t:opener/t:seg")


def test_an_editors_comment_after_a_document_is_kept_as_text() -> None:
    conv = read(
        "Letter from the Harbour Master to the Town Council, 12 April 1902",
        "Gentlemen,",
        "I have the honour to report that the new light on the north mole was lit on the evening of "
        "the tenth, and that it was seen from the outer buoy in clear weather.",
        "I am, Gentlemen, your obedient servant,",
        "J. Thorne",
        "Comment: The council's minutes do not record any reply to this letter; the light was paid "
        "for in the following year's accounts.",
        sep="\n\n",
    )
    comments = [p for p in xpath(conv, "//t:text//t:p") if p.startswith("Comment:")]
    assert comments == [
        "Comment: The council's minutes do not record any reply to this letter; the light was paid "
        "for in the following year's accounts."
    ]
    assert not any("Comment" in s for s in aside(conv))


def test_a_catalogue_records_fields_stay_the_pages_metadata() -> None:
    conv = read(
        "Title: From Anna Berg to Olaf Lund, 2 May 1850",
        "From: Berg, Anna",
        "To: Lund, Olaf",
        "",
        "Bergen 2 May 1850",
        "Sir",
        "I have received the books you sent and thank you for them; the parcel came by the steamer on "
        "Tuesday and nothing was lost on the way.",
        "Yours truly",
        "Anna Berg",
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, SENT) == ["Anna Berg"]
    assert xpath(conv, RECEIVED) == ["Olaf Lund"]
    assert "From: Berg, Anna" in aside(conv)


def test_a_run_on_german_letter() -> None:
    conv = read(
        "An Frau Professor Anna Berger, Leipzig. Dresden, den 5. Mai 1925. Sehr verehrte Frau "
        "Professor, für Ihre freundliche Sendung danke ich Ihnen herzlich; die Aufsätze habe ich mit "
        "großem Gewinn gelesen und werde sie in meinem Seminar besprechen. Über Ihren Vorschlag, im "
        "Herbst gemeinsam nach Prag zu reisen, freue ich mich sehr. Mit den besten Empfehlungen Ihr "
        "Otto Keller"
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, DATE) == ["1925-05-05"]
    assert xpath(conv, "//t:body//t:opener/t:dateline") == ["Dresden, den 5. Mai 1925."]
    assert xpath(conv, "//t:body//t:opener/t:salute") == ["Sehr verehrte Frau Professor,"]
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["Otto Keller"]
    assert xpath(conv, SENT) == ["Otto Keller"]
    assert xpath(conv, RECEIVED) == ["Anna Berger"]
    assert xpath(conv, TITLE) == ["Untitled"]  # an address line is no title


def test_a_run_on_memorandums_fields_in_capitals() -> None:
    conv = read(
        "MEMORANDUM TO: All Section Heads FROM: The Registrar SUBJECT: Closing of the reading room "
        "DATE: 9 January 1974 The reading room will be closed from 14 to 25 January while the new "
        "shelving is installed. Readers who need documents during that period should apply to the "
        "Registrar in writing. J. Morgan, Registrar"
    )
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, TITLE) == ["Closing of the reading room"]
    # "FROM: The Registrar" names an office; the signature "J. Morgan, Registrar" names the person
    assert xpath(conv, SENT) == ["J. Morgan"]
    assert xpath(conv, RECEIVED) == ["All Section Heads"]
    assert xpath(conv, DATE) == ["1974-01-09"]
    assert aside(conv) == []


def test_a_kind_titled_line_over_a_header_is_the_title() -> None:
    conv = read(
        "Brief an den Stadtrat über die Hafenbeleuchtung",
        "Absender: Johann Thorne, Hafenmeister, Kiel",
        "An Herrn Dr. Karl Weber, Wien",
        "Kiel, den 12. April 1902",
        "Betreff: Das neue Leuchtfeuer auf der Nordmole",
        "Sehr geehrter Herr Dr. Weber,",
        "ich beehre mich, Ihnen mitzuteilen, dass das neue Leuchtfeuer auf der Nordmole am Abend des "
        "zehnten entzündet wurde und bei klarem Wetter von der äußeren Boje aus gesehen werden konnte.",
        "Mit vorzüglicher Hochachtung",
        "Ihr ergebener",
        "Johann Thorne",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, TITLE) == ["Brief an den Stadtrat über die Hafenbeleuchtung"]
    assert xpath(conv, SENT) == ["Johann Thorne"]
    assert xpath(conv, RECEIVED) == ["Karl Weber"]
    assert xpath(conv, DATE) == ["1902-04-12"]
    assert xpath(conv, "//t:body//t:closer/t:salute") == [
        "Mit vorzüglicher Hochachtung",
        "Ihr ergebener",
    ]
    assert aside(conv) == []


def test_a_cables_last_name_line_is_its_signature() -> None:
    conv = read(
        "Cable",
        "From: Embassy Vienna",
        "To: Foreign Office, London",
        "Info: Embassy Bonn, Embassy Rome",
        "Date: 2 August 1968",
        "The Austrian government has closed the frontier crossings to all traffic except diplomatic "
        "vehicles.",
        "The Minister told me this morning that the measure would be reviewed daily.",
        "Harrison",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == ["telegram"]
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["Harrison"]
    assert xpath(conv, SENT) == ["Embassy Vienna"]
    assert xpath(conv, RECEIVED) == ["Foreign Office"]


def test_an_office_is_not_cut_to_the_words_of_its_field() -> None:
    from teiedit.readers.common.archival_doc import personal_name

    assert personal_name("Assistant Secretary for Economic Affairs") == (
        "Assistant Secretary for Economic Affairs"
    )
    assert personal_name("DPRK Ambassador to the USSR Ri Sang-jo") == "Ri Sang-jo"


@pytest.mark.parametrize(
    ("kind_word", "kind"),
    [("Aktennotiz", "memorandum"), ("TÉLÉGRAMME", "telegram"), ("Vermerk", "memorandum")],
)
def test_a_kind_line_in_another_language_over_a_header(kind_word: str, kind: str) -> None:
    conv = read(
        kind_word,
        "Von: Referat III",
        "An: Herrn Staatssekretär Walter Brandt",
        "Datum: 14. Oktober 1958",
        "Betreff: Gespräch mit dem dänischen Botschafter",
        "Der dänische Botschafter suchte mich heute auf, um die Frage der Fischereigrenzen in der "
        "Ostsee zu besprechen.",
        "Ich habe ihm gesagt, dass die Frage im Ministerium geprüft werde.",
        "Vogel",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == [kind]
    assert xpath(conv, TITLE) == ["Gespräch mit dem dänischen Botschafter"]
    assert xpath(conv, RECEIVED) == ["Walter Brandt"]
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["Vogel"]
    assert aside(conv) == []


def test_a_memorandums_routing_line_and_a_year_in_its_subject() -> None:
    conv = read(
        "MEMORANDUM FOR: The Director",
        "THROUGH: Deputy Director for Plans",
        "FROM: Chief, Western Division",
        "SUBJECT: Review of station budgets for fiscal year 1963",
        "This memorandum proposes a reduction of ten per cent in the budgets of the western "
        "stations, for the reasons set out below.",
        "The reduction can be made without loss of coverage if the two smaller stations are merged.",
        "JOHN R. HALE",
    )
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, TITLE) == ["Review of station budgets for fiscal year 1963"]
    assert xpath(conv, RECEIVED) == ["The Director"]
    assert "THROUGH: Deputy Director for Plans" in xpath(conv, "//t:body//t:opener/t:seg")
    assert xpath(conv, DATE) == []  # the year of the subject is not the memorandum's date
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["JOHN R. HALE"]
    assert aside(conv) == []


def test_a_signers_name_and_office_after_the_text() -> None:
    conv = read(
        "From: The Secretary, Royal Historical Society",
        "To: Dr. Eleanor Vance, Cambridge",
        "London, 10 May 1930",
        "Dear Dr. Vance,",
        "I am directed by the Council to inform you that your application for a grant towards the "
        "transcription of the Wentworth papers has been approved.",
        "H. W. Crane",
        "Secretary",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["H. W. Crane", "Secretary"]
    assert xpath(conv, RECEIVED) == ["Eleanor Vance"]
    assert xpath(conv, DATE) == ["1930-05-10"]


@pytest.mark.parametrize(
    ("line", "comment"),
    [
        ("Comment: The council's minutes do not record any reply.", True),
        ("Editor's comment: The reply has not been found.", True),
        ("Kommentar: Die Antwort ist nicht erhalten.", True),
        ("Commentaire : La réponse n'a pas été retrouvée.", True),
        ("Comments: 3 responses to this post", False),
        ("Comment udo voulait jouer le héros", False),
    ],
)
def test_an_editors_comment_line(line: str, comment: bool) -> None:
    from teiedit.readers.cascade.letter_cues import COMMENT

    assert bool(COMMENT.match(line)) is comment


def test_a_records_date_value_on_its_own_line_is_no_dateline() -> None:
    conv = read(
        "LETTER TO THE COORDINATOR FROM DAVID MARSH",
        "Document Creation Date:",
        "December 22, 2016",
        "Publication Date:",
        "May 11, 1987",
        "Dear Sir,",
        "I write to ask for a waiver of the fees for the documents I requested in March, since they "
        "will be published without charge for the use of historians.",
        "Sincerely,",
        "David Marsh",
    )
    assert xpath(conv, DATE) == ["1987-05-11"]


def test_an_appeals_title_lines_in_capitals_are_no_cable_header() -> None:
    conv = read(
        "TO THE WORKERS OF THE HARBOUR",
        "FROM THE STRIKE COMMITTEE",
        "Comrades, the committee calls on every worker of the harbour to stay away from the docks "
        "until the company agrees to the wages we asked for in March.",
        "The committee will meet every evening at the union hall.",
    )
    assert xpath(conv, "//t:body//t:opener/t:seg[starts-with(., 'TO THE')]") == []
    assert xpath(conv, "//t:correspDesc") == []


CARVER_TEXT = (
    "I have the honour to acknowledge your letter concerning the cargo of the brig Hope, which "
    "arrived in this port on the second of the month."
)


def test_a_signers_office_after_a_comma_is_not_the_senders_name() -> None:
    conv = read(
        "Portsmouth, 4 June 1801",
        "Dear Mr. Reed,",
        CARVER_TEXT,
        "I am, Sir, your obedient servant,",
        "William Carver, Collector of Customs",
        sep="\n\n",
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, SENT) == ["William Carver"]
    assert xpath(conv, "//t:titleStmt/t:author") == ["William Carver"]
    # the signature keeps the office: only the sender's name leaves it
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["William Carver, Collector of Customs"]


def test_an_office_given_as_chief_of_a_unit_stays_whole() -> None:
    from teiedit.readers.common.archival_doc import personal_name

    assert personal_name("Chief, Harbour Section") == "Chief, Harbour Section"
    conv = read(
        "MEMORANDUM",
        "TO: Director of Ports",
        "FROM: Chief, Harbour Section",
        "SUBJECT: Dredging of the inner basin",
        "The inner basin must be dredged before the winter storms, or the larger vessels will no "
        "longer be able to berth at the quay.",
        "The work should begin in September.",
    )
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, SENT) == ["Chief, Harbour Section"]
    assert xpath(conv, RECEIVED) == ["Director of Ports"]


def test_an_office_then_a_person_in_the_from_field_gives_the_person() -> None:
    conv = read(
        "Aktennotiz",
        "Von: Referat III, Dr. Hans Vogel",
        "An: Herrn Staatssekretär Walter Brandt",
        "Datum: 14. Oktober 1958",
        "Betreff: Gespräch mit dem dänischen Botschafter",
        "Der dänische Botschafter suchte mich heute auf, um die Frage der Fischereigrenzen in der "
        "Ostsee zu besprechen.",
        "Vogel",
        sep="\n\n",
    )
    assert xpath(conv, SENT) == ["Hans Vogel"]
    assert xpath(conv, RECEIVED) == ["Walter Brandt"]
    assert "Von: Referat III, Dr. Hans Vogel" in xpath(conv, "//t:body//t:opener/t:seg")


def test_a_from_field_naming_only_an_office_gives_way_to_the_signer() -> None:
    conv = read(
        "MEMORANDUM",
        "TO: All heads of department",
        "FROM: The Secretary",
        "DATE: 3 March 1952",
        "SUBJECT: Office hours during the summer",
        "From the first of June the offices will close at four o'clock on Fridays, and staff are "
        "asked to arrange their work accordingly.",
        "Margaret L. Owens",
    )
    assert xpath(conv, KIND) == ["memorandum"]
    assert xpath(conv, SENT) == ["Margaret L. Owens"]
    assert xpath(conv, RECEIVED) == ["All heads of department"]
    assert "FROM: The Secretary" in xpath(conv, "//t:body//t:opener/t:seg")


@pytest.mark.parametrize(
    ("close", "name"),
    [
        ("I am, yours faithfully,", "William Carver"),
        ("I remain, Sir, your obedient servant,", "William Carver"),
        ("I am, Sir, your obedient servant,", "William Carver"),
        ("Ich verbleibe mit herzlichen Grüßen", "Deine Marie"),
    ],
)
def test_a_close_opened_by_i_am_or_i_remain(close: str, name: str) -> None:
    conv = read(
        "From: William Carver",
        "To: Thomas Reed",
        "Portsmouth, 4 June 1801",
        "Dear Sir,",
        CARVER_TEXT,
        close,
        name,
    )
    assert xpath(conv, KIND) == ["letter"]
    assert xpath(conv, "//t:body//t:closer/t:salute") == [close]
    assert xpath(conv, "//t:body//t:closer/t:signed") == [name]
    assert xpath(conv, "//t:body//t:p[last()]") == [CARVER_TEXT]


def test_a_lower_case_copy_or_enclosure_line_starts_its_own_line() -> None:
    from teiedit.readers.cascade.segment import segment

    foot = ("A. Morton", "cc: Harbour Master", "encl.: Survey of the basin")
    assert [s.text for s in segment("\n".join(foot) + "\n")] == list(foot)
    # a lower-case line that is no field still continues the line before it
    wrapped = "The harbour master asked whether the basin\nwould be dredged before the winter."
    assert [s.text for s in segment(wrapped + "\n")] == [wrapped]
    conv = read(
        "MEMORANDUM",
        "TO: Director of Ports",
        "FROM: Arthur Morton",
        "SUBJECT: Dredging of the inner basin",
        "The inner basin must be dredged before the winter storms, or the larger vessels will no "
        "longer be able to berth at the quay.",
        *foot,
    )
    assert xpath(conv, "//t:body//t:closer/t:signed") == ["A. Morton"]
    assert xpath(conv, "//t:body//t:closer/t:seg") == list(foot[1:])

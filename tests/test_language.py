"""The language pass: each document's language in text/@xml:lang and langUsage, other-language blocks marked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from teiedit.config import Settings
from teiedit.document import NSMAP, XML_LANG, TeiDocument
from teiedit.io import parse_xml_bytes
from teiedit.language import detect
from teiedit.pipeline import ConvertOptions, convert_text
from teiedit.readers.base import Source
from teiedit.transforms import PassContext, run_passes

GERMAN = """Wien, 3. März 1911

Sehr geehrter Herr Doktor,

ich danke Ihnen herzlich für Ihren freundlichen Brief und für die Bücher, die Sie mir geschickt haben.
Leider kann ich erst im nächsten Monat nach Berlin kommen, weil meine Arbeit hier noch nicht beendet ist.
Ich hoffe sehr, dass wir uns dann endlich wiedersehen und über alles in Ruhe sprechen können.

Mit herzlichen Grüßen, Ihr ergebener
"""

FRENCH = """Paris, le 3 mars 1911

Cher Monsieur,

je vous remercie de votre aimable lettre et des livres que vous avez bien voulu m'envoyer.
Malheureusement je ne pourrai venir à Berlin que le mois prochain, car mon travail ici n'est pas encore
terminé. J'espère que nous pourrons alors enfin nous revoir et parler de tout cela tranquillement.

Veuillez agréer, Monsieur, l'expression de mes sentiments les meilleurs.
"""

TEMPLATE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt>
<title>t</title></titleStmt><publicationStmt><p>t</p></publicationStmt><sourceDesc><p>t</p></sourceDesc>
</fileDesc><profileDesc><langUsage><language ident="en">English</language>
<language ident="ru">Russian (the language of the original, translated)</language></langUsage></profileDesc>
</teiHeader><text><body>{body}</body></text></TEI>"""

ENGLISH_ABSTRACT = (
    "The concert given by the visiting singer in the capital was a political event: the party leadership"
    " feared the young audience and the embassy reported every detail of the evening to the ministry."
)
FRENCH_ABSTRACT = (
    "Le concert donné par le chanteur étranger dans la capitale fut un événement politique : la direction"
    " du parti craignait le jeune public et l'ambassade rapporta chaque détail de la soirée au ministère."
)


def converted(text: str, tmp_path: Path) -> TeiDocument:
    source = Source(text=text, name="letter", filename="letter.txt", sha256="")
    conversion, _, _ = convert_text(source, Settings(root=tmp_path), ConvertOptions())
    assert len(conversion.documents) == 1
    return conversion.documents[0]


def languages(doc: TeiDocument) -> list[tuple[str, str, str]]:
    return [
        (el.get("ident"), el.get("usage", ""), el.text or "")
        for el in doc.root.xpath("//tei:langUsage/tei:language", namespaces=NSMAP)
    ]


def text_lang(doc: TeiDocument) -> str:
    return str(doc.root.xpath("tei:text/@xml:lang", namespaces=NSMAP)[0])


def test_a_german_letter_is_german(tmp_path: Path) -> None:
    doc = converted(GERMAN, tmp_path)
    assert text_lang(doc) == "de"
    assert languages(doc)[0] == ("de", "", "German")


def test_a_french_letter_is_french(tmp_path: Path) -> None:
    doc = converted(FRENCH, tmp_path)
    assert text_lang(doc) == "fr"
    assert languages(doc)[0] == ("fr", "", "French")


def pass_only(body: str, edition: Settings) -> tuple[TeiDocument, PassContext]:
    doc = TeiDocument(tree=parse_xml_bytes(TEMPLATE.format(body=body).encode()), name="t")
    ctx = PassContext(settings=edition)
    run_passes(doc, ctx, strict=True, only=["language"])
    return doc, ctx


def test_a_french_abstract_after_an_english_one_is_marked(tmp_path: Path) -> None:
    doc, ctx = pass_only(
        f"<div><head>Abstract</head><p>{ENGLISH_ABSTRACT}</p><p>{ENGLISH_ABSTRACT}</p>"
        f"<p>{FRENCH_ABSTRACT}</p></div>",
        Settings(root=tmp_path),
    )
    assert text_lang(doc) == "en"
    marked = doc.root.xpath("//tei:p[@xml:lang]", namespaces=NSMAP)
    assert [(p.get(XML_LANG), p.text[:10]) for p in marked] == [("fr", "Le concert")]
    assert doc.root.xpath("//tei:head/@xml:lang", namespaces=NSMAP) == []
    # the translation's original stays listed; the shares add up to the text
    got = languages(doc)
    assert [(code, name) for code, _, name in got] == [
        ("en", "English"),
        ("fr", "French"),
        ("ru", "Russian (the language of the original, translated)"),
    ]
    assert int(got[0][1]) + int(got[1][1]) == 100 and int(got[1][1]) > 25
    assert ctx.records["language"] == [
        {
            "document": "t",
            "language": "en",
            "decision": "detected from the blocks",
            "blocks": {"fr": 1},
        }
    ]


def test_a_text_too_short_keeps_the_edition_language(tmp_path: Path) -> None:
    doc, ctx = pass_only("<p>Moscow, 3.III.56</p>", replace(Settings(root=tmp_path), language="de"))
    assert text_lang(doc) == "de"
    assert ctx.records["language"][0]["decision"].startswith("edition setting")


def test_candidates_restrict_the_guess() -> None:
    # a short Norwegian line; without the restriction to candidates it is often taken for Danish or Swedish
    assert (
        detect("Sentralkomiteen besluttet å ikke offentliggjøre teksten", ["en", "no"]).language
        == "no"
    )
    assert (
        detect("Sentralkomiteen besluttet å ikke offentliggjøre teksten", ["en", "de"]).language
        == "de"
    )


def test_a_text_without_blocks_still_lists_its_language(tmp_path: Path) -> None:
    doc, _ = pass_only("", Settings(root=tmp_path))
    assert text_lang(doc) == "en"
    assert [(code, name) for code, _, name in languages(doc)][0] == ("en", "English")

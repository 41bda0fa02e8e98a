"""TEI of kinds other projects write (spoken transcripts, critical apparatus with groups of readings and
apart from the text, title pages, mixed directions, xml:base): XPath tables over the web page and the print
HTML of one document written into the test, and every word of its text kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html
from test_behaviours import cls, print_page, web_page, written_document

TEI_NS = "http://www.tei-c.org/ns/1.0"

DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:base="https://example.org/edition/">
<teiHeader><fileDesc><titleStmt><title>Kinds of foreign TEI</title></titleStmt>
<publicationStmt><p>Written for the test.</p></publicationStmt>
<sourceDesc><listWit><witness xml:id="A">Codex A</witness><witness xml:id="B">Codex B</witness>
<witness xml:id="C">Codex C</witness></listWit></sourceDesc></fileDesc>
<encodingDesc><tagsDecl><rendition xml:id="red" scheme="css">color: red;</rendition>
<rendition xml:id="big" scope="first-letter">font-size: 2em</rendition>
<rendition xml:id="bad" scheme="css">background: url(https://tracker.example/a.png)</rendition>
<rendition xml:id="unused">color: blue</rendition></tagsDecl></encodingDesc>
<profileDesc><particDesc><listPerson><person xml:id="int"><persName>Interviewer</persName></person>
<person xml:id="fm"><persName>Hans Kolb</persName><note>a ferryman</note></person></listPerson></particDesc>
</profileDesc></teiHeader>
<text><front><titlePage><docTitle><titlePart type="main">Collected Tracts</titlePart>
<titlePart type="sub">in two parts</titlePart></docTitle></titlePage></front>
<body>
<div xml:lang="ar"><p>هذا نص عربي قصير.</p></div>
<div type="transcript">
<u who="#int">How long have you <pause/> worked the ferry?</u>
<u who="#fm #int"><vocal><desc>laughs</desc></vocal> Forty years.</u>
<incident><desc>A dog barks outside.</desc></incident>
<u who="unknown">Yes.</u>
<u>Nobody in particular.</u>
</div>
<div type="fable"><p>The fox saw <app xml:id="app1"><lem wit="#A">ripe</lem><rdg wit="#B">rype</rdg></app> grapes
<app><rdgGrp type="substantive"><lem wit="#A #C">hanging high</lem><rdg wit="#B">hung on high</rdg></rdgGrp></app>
and <choice><orig><choice><sic>Hil</sic><corr>Hill</corr></choice></orig><reg>Hill</reg></choice>
and <app><rdg wit="#A">went</rdg><rdg wit="#B">ran</rdg></app> away.
<witDetail target="#app1" wit="#B" type="correction">corrected from ripa</witDetail></p>
<p rendition="#red #big #bad">A broadside, <hi style="font-style: italic">sung</hi> and
<hi style="background-image: url(https://tracker.example/b.png)">hummed</hi>.</p>
<p>See <ref target="letters/l002.xml">the next letter</ref>, <ref target="javascript:alert(1)">no link</ref>.</p>
</div></body>
<back><div type="apparatus"><listApp><app loc="3"><rdg wit="#C">shall not</rdg></app>
<app loc="4"><lem>root</lem><rdg wit="#B">rote</rdg></app></listApp></div></back></text></TEI>
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written_document(tmp_path_factory, "kinds", DOCUMENT)


@pytest.fixture(scope="module")
def page(source: Path) -> html.HtmlElement:
    return web_page(source)


@pytest.fixture(scope="module")
def printed(source: Path) -> html.HtmlElement:
    return print_page(source)


UTTERANCE = f"//p[{cls('utterance')}]"
APP = f"//span[{cls('app')}]"

WEB = [
    # an utterance names who speaks: the person's name, several speakers, a pointer to nobody as written
    (f"string({UTTERANCE}[1]/span[{cls('block-label')}])", "Interviewer:"),
    (f"string({UTTERANCE}[2]/span[{cls('block-label')}])", "Hans Kolb, Interviewer:"),
    (f"string({UTTERANCE}[3]/span[{cls('block-label')}])", "unknown:"),
    (f"count({UTTERANCE}[4]/span[{cls('block-label')}])", 0.0),
    # pauses, vocal and non-verbal events are marked (the marks are the model's outputRendition)
    (f"count(//span[{cls('tei-pause')}][contains(@class, 'pm-pause-')])", 1.0),
    ("contains(string(//head/style), 'content: \"(.)\"')", True),
    (f"string(//p[{cls('tei-incident')}][{cls('event')}])", "A dog barks outside."),
    (f"count(//span[{cls('tei-vocal')}][{cls('event')}])", 1.0),
    # a lem inside a group of readings is the lemma; the reading is not repeated as the lemma
    (f"string({APP}[2]/span[{cls('lem')}])", "hanging high"),
    (f"normalize-space({APP}[2]/span[{cls('app-entry')}])", "hanging high A C ] hung on high B"),
    # no lem in the text: the first reading there, the others in the entry
    (f"string({APP}[3]/span[{cls('lem')}])", "went"),
    (f"normalize-space({APP}[3]/span[{cls('app-entry')}])", "went A ] ran B"),
    # a witDetail pointing at its app is in the app's entry, not in the running text
    (f"count({APP}[1]//span[{cls('witDetail')}])", 1.0),
    (f"count(//*[{cls('tei-witDetail')}])", 0.0),
    # a choice nested in a choice: each side's title gives the other side's one reading
    (
        "string(//span[@class = 'reg reading-corrected']/@title)",
        "Regularised; the source reads: Hil",
    ),
    (
        "string(//span[@class = 'orig reading-original']/@title)",
        "Original spelling; corrected reading: Hill",
    ),
    # a listApp's entries are lines of their own
    (f"count(//div[{cls('tei-listApp')}]/span[{cls('app')}][{cls('block')}])", 2.0),
    # a listApp entry without lem: "loc ] readings"
    (
        f"normalize-space(//div[{cls('tei-listApp')}]/span[1]/span[{cls('app-entry')}])",
        "3 ] shall not C",
    ),
    (
        f"normalize-space(//div[{cls('tei-listApp')}]/span[2]/span[{cls('app-entry')}])",
        "4 root ] rote B",
    ),
    # the title page's parts are lines of their own
    (f"count(//div[{cls('tei-docTitle')}]/p[{cls('tei-titlePart')}])", 2.0),
    # an Arabic division first does not turn the body (and the English after it) right to left
    (f"count(//div[{cls('tei-body')}][@dir])", 0.0),
    ("string(//section[@lang='ar']/@dir)", "rtl"),
    (f"count(//section[{cls('transcript')}]//*[@dir='rtl'])", 0.0),
    # @rendition: classes styled by the header's rendition elements (only those used, only safe CSS)
    (f"count(//p[{cls('rendition-red')}][{cls('rendition-big')}][{cls('rendition-bad')}])", 1.0),
    ("contains(string(//head), '.rendition-red { color: red; }')", True),
    ("contains(string(//head), '.rendition-big::first-letter { font-size: 2em }')", True),
    ("contains(string(//head), 'tracker') or contains(string(//head), 'blue')", False),
    # @style as the element's own style, when it only styles
    ("string(//span[. = 'sung']/@style)", "font-style: italic"),
    ("count(//span[. = 'hummed']/@style)", 0.0),
    # xml:base makes a relative pointer a web address; an unsafe one stays text
    ("string(//a[. = 'the next letter']/@href)", "https://example.org/edition/letters/l002.xml"),
    ("count(//a[. = 'no link'])", 0.0),
]


@pytest.mark.parametrize(("xpath", "expected"), WEB)
def test_web_renders_the_kind(page: html.HtmlElement, xpath: str, expected: object) -> None:
    assert page.xpath(xpath) == expected


PRINT = [
    (f"string(//p[{cls('utterance')}][2]/span[{cls('block-label')}])", "Hans Kolb, Interviewer:"),
    (f"normalize-space(//section[{cls('apparatus')}]/p[2])", "2 hanging high A C ] hung on high B"),
    (
        f"normalize-space(//section[{cls('apparatus')}]/p[1])",
        "1 ripe A ] rype B; correction corrected from ripa B",
    ),
    (f"normalize-space(//section[{cls('apparatus')}]/p[4])", "4 3 ] shall not C"),
    (f"count(//div[{cls('tei-docTitle')}]/p[{cls('tei-titlePart')}])", 2.0),
    ("contains(string(//head), '.rendition-red { color: red; }')", True),
    (f"count(//p[{cls('rendition-red')}])", 1.0),
]


@pytest.mark.parametrize(("xpath", "expected"), PRINT)
def test_print_renders_the_kind(printed: html.HtmlElement, xpath: str, expected: object) -> None:
    assert printed.xpath(xpath) == expected


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_every_word_of_the_text_is_on_the_page(page: html.HtmlElement) -> None:
    tei = etree.fromstring(DOCUMENT.encode())
    words = _words(" ".join(tei.find(f"{{{TEI_NS}}}text").itertext()))
    assert len(words) > 50
    shown = set(_words(" ".join(page.xpath("//article")[0].itertext())))
    assert [w for w in words if w not in shown] == []

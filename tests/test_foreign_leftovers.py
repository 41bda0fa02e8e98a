"""More TEI of kinds other projects write: a structured manuscript description, pointers to the items
of a bibliography and to elements without a model, deletions the source cancelled (restore, undo) and
redone changes, standoff annotations. XPath tables over the web page and the print HTML of one document written into the
test, and every word of its text kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html
from test_behaviours import cls, print_page, web_page, written_document

TEI_NS = "http://www.tei-c.org/ns/1.0"

DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
<teiHeader><fileDesc><titleStmt><title>Parts of a codex</title></titleStmt>
<publicationStmt><p>Written for the test.</p></publicationStmt>
<sourceDesc><msDesc><msIdentifier><settlement>Eastham</settlement><repository>Priory Library</repository>
<idno>MS 7</idno></msIdentifier>
<msContents><msItem><locus>fols. 1r-20v</locus><author>Anonymous</author><title>A herbal</title></msItem>
<msItem><locus>fols. 21r-30v</locus><title>Recipes</title></msItem></msContents>
<physDesc><objectDesc form="codex"><supportDesc material="perg"><support>Parchment</support>
<extent>30 leaves<dimensions unit="mm" type="leaf"><height>310</height><width>220</width></dimensions></extent>
</supportDesc></objectDesc><handDesc><handNote>One hand throughout.</handNote></handDesc>
<decoDesc><decoNote>Red initials.</decoNote></decoDesc><p>Rebound later.</p></physDesc>
<history><origin>Copied in a priory.</origin><provenance>Owned by a parish.</provenance>
<acquisition>Bought at auction.</acquisition></history></msDesc></sourceDesc></fileDesc></teiHeader>
<text><body><div>
<p>The scribe wrote <del>never <restore>quite</restore> so</del> and <restore><del>again</del></restore>
then <del>very <undo>much</undo></del> and <redo>twice</redo>.</p>
<p>See <ref target="#herbals">the study</ref>, <ref target="#other">another</ref> and
<ref target="#spot">the spot</ref>.</p>
<listBibl><head>Works cited</head>
<biblStruct xml:id="herbals"><monogr><author>R. Green</author><title>Herbals</title>
<imprint><date>1990</date></imprint></monogr></biblStruct>
<bibl xml:id="other">A. Other, Leaves (2001).</bibl></listBibl>
<p><placeName xml:id="spot-name">Eastham</placeName> <geo xml:id="spot">52.1 0.3</geo>.</p>
</div></body></text>
<standOff><listAnnotation>
<annotation xml:id="ann-spot" target="#spot"><respStmt><resp>annotated by</resp><name>A. Reader</name></respStmt>
<note>Measured <hi rend="italic">twice</hi> by survey.</note></annotation>
<annotation target="#spot-name https://example.org/gazetteer/7"><note>Also in a gazetteer.</note></annotation>
</listAnnotation></standOff></TEI>
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written_document(tmp_path_factory, "codex", DOCUMENT)


@pytest.fixture(scope="module")
def page(source: Path) -> html.HtmlElement:
    return web_page(source)


@pytest.fixture(scope="module")
def printed(source: Path) -> html.HtmlElement:
    return print_page(source)


MS = f"//dd[{cls('source')}]/dl[{cls('ms-desc')}]"
TEXT = "//article//div[@class = 'tei-text']"
ANN = "//article/section[@class = 'annotations']/ol"


def dd(label: str, n: int = 1) -> str:
    """The text of the n-th description under a label of the manuscript description."""
    return f"normalize-space(({MS}/dt[. = '{label}'])[1]/following-sibling::dd[{n}])"


def found(page: html.HtmlElement, xpath: str) -> object:
    """What an XPath finds: a value as it is, elements as their texts."""
    result = page.xpath(xpath)
    if isinstance(result, list):
        return [e.text_content() for e in result]
    return result


WEB = [
    # the manuscript description: its parts under their labels, in the order of the TEI
    (
        f"{MS}/dt",
        ["Identifier", "Contents", "Support", "Extent", "Dimensions", "Hand", "Decoration",
         "Physical description", "Origin", "Provenance", "Acquisition"],
    ),  # fmt: skip
    (dd("Identifier"), "Eastham, Priory Library, MS 7"),
    (dd("Contents"), "fols. 1r-20v: Anonymous, A herbal"),
    (dd("Contents", 2), "fols. 21r-30v: Recipes"),
    (dd("Extent"), "30 leaves"),
    (dd("Dimensions"), "310 × 220 mm (leaf)"),
    (dd("Hand"), "One hand throughout."),
    (dd("Physical description"), "Rebound later."),
    (dd("Provenance"), "Owned by a parish."),
    # a deletion with a restored part: the restored word is outside the struck runs
    (f"{TEXT}//p[1]/del", ["never ", " so", "very "]),
    (f"count({TEXT}//del//*[{cls('restored')} or {cls('undone')}])", 0.0),
    (f"string({TEXT}//span[{cls('tei-restore')}][{cls('restored')}]/@title)", "Deleted, then restored in the source"),
    (f"string({TEXT}//span[{cls('undone')}])", "much"),
    # a del inside a restore is not a deletion any more
    (f"string({TEXT}//span[{cls('tei-restore')}]/span[{cls('tei-del')}][{cls('restored')}])", "again"),
    (f"string({TEXT}//span[{cls('tei-redo')}][{cls('redone')}])", "twice"),
    # pointers at a bibliography's items and at an element without a model are links to their ids
    (f"string({TEXT}//a[. = 'the study']/@href)", "#herbals"),
    (f"count({TEXT}//li[@id = 'herbals'])", 1.0),
    (f"string({TEXT}//a[. = 'another']/@href)", "#other"),
    (f"string({TEXT}//a[. = 'the spot']/@href)", "#spot"),
    (f"count({TEXT}//*[@id = 'spot'])", 1.0),
    # standoff annotations: listed after the text, each with the text it points at and its body
    (f"{ANN}/li", ["“52.1 0.3”: annotated by A. Reader Measured twice by survey.",
                   "“Eastham”; https://example.org/gazetteer/7: Also in a gazetteer."]),
    (f"string({ANN}/li[1]/@id)", "ann-spot"),
    (f"string({ANN}/li[1]/span[{cls('annotation-target')}]/a/@href)", "#spot"),
    (f"count({ANN}/li[1]//em)", 1.0),
    (f"string({ANN}/li[2]//a/@href)", "https://example.org/gazetteer/7"),
    (f"count({TEXT}//*[contains(., 'survey')])", 0.0),
]  # fmt: skip


@pytest.mark.parametrize(("xpath", "expected"), WEB)
def test_web_renders_the_kind(page: html.HtmlElement, xpath: str, expected: object) -> None:
    assert found(page, xpath) == expected


PRINT = [
    ("//p[contains(., 'The scribe')]/del", ["never ", " so", "very "]),
    ("count(//del//*[contains(@class, 'restored')])", 0.0),
    ("string(//span[contains(@class, 'restored')][contains(@class, 'tei-restore')])", "quite"),
]


@pytest.mark.parametrize(("xpath", "expected"), PRINT)
def test_print_renders_the_kind(printed: html.HtmlElement, xpath: str, expected: object) -> None:
    assert found(printed, xpath) == expected


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_every_word_is_on_the_page(page: html.HtmlElement) -> None:
    """The text's words in the text, the manuscript description's in the metadata, the annotations' in
    their section."""
    tei = etree.fromstring(DOCUMENT.encode())
    for part, shown in (
        (f"{{{TEI_NS}}}text", "//article//div[@class = 'tei-text']"),
        (f".//{{{TEI_NS}}}msDesc", f"//dd[{cls('source')}]"),
        (f"{{{TEI_NS}}}standOff", "//section[@class = 'annotations']"),
    ):
        words = _words(" ".join(tei.find(part).itertext()))
        assert len(words) > 10
        on_page = set(_words(" ".join(page.xpath(shown)[0].itertext())))
        assert [w for w in words if w not in on_page] == []

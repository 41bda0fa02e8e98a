"""The web edition (builders/html.py, xslt/html): XPath tables over the pages built from the hand-written
fixtures in tests/cases/html (documents and registers), completeness, safety and incremental rendering."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helpers import transform_tei
from lxml import etree, html

from teiedit.builder import BuildOptions
from teiedit.builders.html import MANIFEST, HtmlBuilder
from teiedit.config import Settings, default_settings
from teiedit.edition import Edition, safe_page_names
from teiedit.io import read_tei
from teiedit.registers import is_register
from teiedit.workers import Workers

CASES = Path(__file__).resolve().parent / "cases" / "html"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def make_edition(root: Path) -> Settings:
    return dataclasses.replace(
        default_settings(root), title="Test Edition", base_url="https://example.org/test/"
    )


def build(src: Path, out: Path) -> list[Path]:
    files = sorted(src.rglob("*.xml"))
    return HtmlBuilder().build(Edition.from_files(make_edition(src), files), out, BuildOptions())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "html"
    build(CASES, out)
    return out


def page(site: Path, name: str) -> etree._ElementTree:
    return html.parse(str(site / name))


@pytest.mark.parametrize(
    ("name", "xpath", "expected"),
    [
        # the document page: title, summary, structure
        ("letter-a.html", "string(//h1)", "Letter from Anna Berg to Carl Dorn"),
        ("letter-a.html", "string(//title)", "Letter from Anna Berg to Carl Dorn · Test Edition"),
        ("letter-a.html", "string((//time)[1]/@datetime)", "1956-10-12"),
        (
            "letter-a.html",
            "count(//header[@class='site-header']) + count(//main) + count(//footer)",
            3.0,
        ),
        ("letter-a.html", "count(//section[contains(@class,'letter')]/h2)", 1.0),
        (
            "letter-a.html",
            "string(//div[@class='tei-opener']/p[@class='tei-salute'])",
            "Dear Carl,",
        ),
        ("letter-a.html", "string(//div[@class='tei-list ordered']/p)", "Requests"),
        ("letter-a.html", "count(//div[@class='tei-list ordered']/ol/li)", 2.0),
        ("letter-a.html", "normalize-space(//blockquote)", "A quoted paragraph from The Farmer."),
        ("letter-a.html", "string(//figure/figcaption)", "A drawing of a cart."),
        ("letter-a.html", "string(//div[@class='tei-closer']/p[@class='tei-signed'])", "Anna"),
        (
            "letter-a.html",
            "boolean(//section[contains(@class,'embedded')]//p[.='Ten carts, as said.'])",
            True,
        ),
        (
            "letter-a.html",
            "string(//aside[contains(@class,'note-orphan')])",
            "An orphan note whose anchor was lost.",
        ),
        # footnotes, linked both ways
        ("letter-a.html", "count(//a[@role='doc-noteref'])", 3.0),
        ("letter-a.html", "string(//a[@id='noteref-3']/@class)", "noteref reading-corrected"),
        ("letter-a.html", "string(//a[@id='noteref-1']/@href)", "#note-1"),
        ("letter-a.html", "string(//li[@id='note-1']/a[@class='note-label']/@href)", "#noteref-1"),
        ("letter-a.html", "normalize-space(//li[@id='note-1']/div)", "Of cabbages, mostly."),
        ("letter-a.html", "string(//li[@id='note-2']/span[@class='note-kind'])", "Editor: "),
        ("letter-a.html", "boolean(//li[@id='note-3'][contains(@class,'note-teiedit')])", True),
        # editorial interventions: both readings in the page, repairs marked
        (
            "letter-a.html",
            "string(//span[@class='choice repaired']/span[contains(@class,'reading-original')])",
            "poer",
        ),
        (
            "letter-a.html",
            "string(//span[contains(@class,'reading-corrected') and contains(@class,'repair')])",
            "poor",
        ),
        ("letter-a.html", "string(//span[contains(@class,'repair')]/@data-repair)", "shift"),
        ("letter-a.html", "normalize-space(//span[@class='supplied'])", "[only]"),
        ("letter-a.html", "string(//span[@class='gap']/@data-reason)", "illegible"),
        ("letter-a.html", "string(//span[@class='unclear'])", "doubtful"),
        ("letter-a.html", "string(//span[contains(@class,'orig reading-original')])", "colour"),
        ("letter-a.html", "string(//span[contains(@class,'expan reading-corrected')])", "Comrade"),
        ("letter-a.html", "string(//ins[@class='add'])", "also"),
        ("letter-a.html", "string(//del[@class='del'])", "never"),
        (
            "letter-a.html",
            "string(//span[contains(concat(' ', @class, ' '), ' debris ')])",
            "TJ/-1.2",
        ),
        ("letter-a.html", "string(//span[@class='tei-foo'])", "element text"),
        ("letter-a.html", "count(//input[@name='reading'])", 2.0),
        # names: linked to the register, with an id for the way back and a description
        ("letter-a.html", "string(//a[@id='m-p-dorn-1']/@href)", "entities/p-dorn.html"),
        (
            "letter-a.html",
            "string(//a[@id='m-p-dorn-1']/@title)",
            "Carl Dorn: Clerk of the Cooperative.",
        ),
        ("letter-a.html", "string(//a[@id='m-o-coop-1']/@aria-describedby)", "desc-o-coop"),
        (
            "letter-a.html",
            "normalize-space(//li[@id='desc-o-coop'])",
            "Northtown Cooperative: The farmers' cooperative of Northtown.",
        ),
        ("letter-a.html", "string(//span[@class='entity persName'])", "Mr Nobody"),
        ("letter-a.html", "count(//input[@id='highlight-names'])", 1.0),
        # metadata panel
        (
            "letter-a.html",
            "string(//dd[@class='source'])",
            "Northtown, City Archive, Berg papers, Box 3, folder 7",
        ),
        (
            "letter-a.html",
            "contains(string(//dt[.='Translation']/following-sibling::dd[1]), 'Tara Translator')",
            True,
        ),
        ("letter-a.html", "normalize-space(//dd[@class='corresp-received'])", "Carl Dorn"),
        (
            "letter-a.html",
            "normalize-space(//dd[@class='abstract'])",
            "Anna asks Carl about the harvest.",
        ),
        ("letter-a.html", "count(//ol[@class='revisions']/li)", 1.0),
        (
            "letter-a.html",
            "string(//a[@class='stable-url']/@href)",
            "https://example.org/test/letter-a.html",
        ),
        ("letter-a.html", "string(//ul[@class='downloads']//a/@href)", "tei/letter-a.xml"),
        (
            "letter-a.html",
            "string(//head/link[@rel='canonical']/@href)",
            "https://example.org/test/letter-a.html",
        ),
        # downloads: plain text, citations, the passage's link (filled in by site.js)
        ("letter-a.html", "string((//ul[@class='downloads']//a)[2]/@href)", "txt/letter-a.txt"),
        (
            "letter-a.html",
            "concat(//p[@class='cite-downloads']/a[1]/@href, ' ', //p[@class='cite-downloads']/a[3]/@href)",
            "cite/letter-a.bib cite/letter-a.json",
        ),
        (
            "letter-a.html",
            "string(//p[@class='paragraph-link']/@data-url)",
            "https://example.org/test/letter-a.html",
        ),
        ("letter-a.html", "string(//head/meta[@name='citation_author']/@content)", "Anna Berg"),
        (
            "letter-a.html",
            "string(//head/meta[@name='description']/@content)",
            "Anna asks Carl about the harvest.",
        ),
        # neighbours
        ("letter-a.html", "string(//a[@rel='next']/@href)", "letter-b.html"),
        ("letter-a.html", "string(//a[@class='next-letter']/@href)", "letter-b.html"),
        ("letter-b.html", "string(//a[@class='prev-letter']/@href)", "letter-a.html"),
        ("letter-b.html", "normalize-space(//span[@class='choice'])", "CC Central Committee"),
        ("letter-b.html", "string(//span[contains(@class,'rend-brackets')])", "Central Committee"),
        ("letter-b.html", "string(//ol/@class)", "numbered-in-text"),
        ("letter-a.html", "count(//ol[@class='numbered-in-text'])", 0.0),
        ("memo-c.html", "count(//a[@class='prev-letter' or @class='next-letter'])", 0.0),
        ("memo-c.html", "string(//a[@rel='prev']/@href)", "letter-b.html"),
        (
            "letter-b.html",
            "string(//a[@class='stable-url']/@href)",
            "https://example.org/test/letter-b.html",
        ),
        # index
        ("index.html", "count(//table[@id='documents']/tbody/tr)", 4.0),
        ("index.html", "string(//tbody/tr[1]/td[2]/a/@href)", "letter-a.html"),
        ("index.html", "string(//tbody/tr[1]/td[3])", "Anna Berg"),
        ("index.html", "string(//tbody/tr[1]/td[4])", "Carl Dorn"),
        ("index.html", "string(//tbody/tr[3]/@data-kind)", "memorandum"),
        (
            "index.html",
            "string(//tbody/tr[1]/td[6])",
            "Northtown, City Archive, Berg papers, Box 3, folder 7",
        ),
        ("index.html", "count(//select[@id='filter-year']/option)", 3.0),
        ("index.html", "string(//tbody/tr[3]/@data-person)", "p-kim"),
        ("index.html", "string(//tbody/tr[1]/@data-place)", "pl-north pl-capital"),
        ("index.html", "count(//select[@id='filter-org']/option)", 2.0),
        # pointers, tables, verse, pages
        ("compilation-s.html", "string(//a[.='Memorandum on the carts']/@href)", "memo-c.html"),
        ("compilation-s.html", "count(//a[.='A part not in this build'])", 0.0),
        ("compilation-s.html", "string(//span[@class='tei-ref'])", "A part not in this build"),
        (
            "compilation-s.html",
            "string(//a[@class='tei-ptr']/@href)",
            "https://example.org/bulletin",
        ),
        ("compilation-s.html", "string(//table[@class='tei-table']/caption)", "Deliveries"),
        ("compilation-s.html", "string(//table[@class='tei-table']//tr[1]/th[2])", "Carts"),
        (
            "compilation-s.html",
            "string(//table[@class='tei-table']//tr[2]/td[1]/a/@href)",
            "entities/pl-north.html",
        ),
        ("compilation-s.html", "count(//div[@class='tei-lg']/p[@class='tei-l'])", 2.0),
        ("compilation-s.html", "string(//span[@class='tei-pb']/@data-n)", "2"),
        ("compilation-s.html", "string(//span[@lang='de'])", "Wort"),
        ("compilation-s.html", "string(//em[@class='tei-emph'])", "this"),
        # registers: overviews in alphabetical sections, one page per entry
        ("persons.html", "count(//li[@class='register-entry'])", 3.0),
        ("persons.html", "string(//section[@id='letter-C']//li/@id)", "p-dorn"),
        ("persons.html", "string(//li[@id='p-kim']/a/@href)", "entities/p-kim.html"),
        (
            "persons.html",
            "normalize-space(//li[@id='p-kim'])",
            "Kim Chol (1901): Counter of carts. 2 documents",
        ),
        ("entities/p-berg.html", "string(//ul[@class='variants']/li/@lang)", "de"),
        (
            "entities/p-berg.html",
            "string(//dd[@class='description'])",
            "Farmer in Northtown, writer of letters.",
        ),
        (
            "entities/p-berg.html",
            "string(//ul[@class='authority']//a/@href)",
            "https://www.wikidata.org/wiki/Q4115189",
        ),
        ("entities/p-berg.html", "string(//link[@rel='stylesheet']/@href)", "../css/site.css"),
        (
            "entities/p-dorn.html",
            "string(//a[@class='mention']/@href)",
            "../letter-a.html#m-p-dorn-1",
        ),
        ("entities/p-dorn.html", "normalize-space(//ul[@class='kwic']/li)", "Dear Carl ,"),
        (
            "entities/p-dorn.html",
            "string(//section[@class='letters letters-sent']//a)",
            "Reply from Carl Dorn to Anna Berg",
        ),
        (
            "entities/p-dorn.html",
            "string(//section[@class='letters letters-received']//a/@href)",
            "../letter-a.html",
        ),
        (
            "entities/p-dorn.html",
            "string(//section[@class='cooccurring']//li[1]/a/@href)",
            "p-berg.html",
        ),
        ("entities/p-dorn.html", "string(//nav//a[@aria-current='page'])", "Persons"),
        ("entities/p-berg.html", "count(//section[@class='mention-doc'])", 2.0),
        (
            "entities/p-dorn.html",
            "string(//dd[@class='more-affiliation']//a/@href)",
            "../entities/o-coop.html",
        ),
        (
            "entities/p-dorn.html",
            "count(//dd[@class='more-affiliation']//a/@aria-describedby)",
            0.0,
        ),
        ("entities/o-coop.html", "count(//a[@class='mention'])", 2.0),
        (
            "entities/p-kim.html",
            "string(//dt[.='Birth']/following-sibling::dd[1])",
            "1901",
        ),
        (
            "entities/pl-capital.html",
            "string(//ul[@class='variants']/li)",
            "Capital City (variant)",
        ),
        (
            "entities/pl-north.html",
            "string(//ul[@class='authority']//a/@href)",
            "https://www.geonames.org/2643743",
        ),
        (
            "entities/o-coop.html",
            "string((//a[@class='mention'])[1]/@href)",
            "../letter-a.html#m-o-coop-1",
        ),
        # timeline
        (
            "timeline.html",
            "concat(//section[@class='year'][1]/h2, ' ', //section[@class='year'][2]/h2)",
            "1956 1957",
        ),
        ("timeline.html", "string(//section[h2='1957']//a/@href)", "memo-c.html"),
        # search page
        ("search.html", "string(//form[@id='search-form']/@action)", "search.html"),
        ("search.html", "count(//script[@src='js/search.js'])", 1.0),
        ("search.html", "count(//select[@data-facet])", 5.0),
    ],
)
def test_pages(site: Path, name: str, xpath: str, expected: object) -> None:
    assert page(site, name).xpath(xpath) == expected


# -- note numbers: tests/cases/notes, one hand-made document per note kind ------------------------------
# Footnotes are numbered @n, else by their position among the numbered notes (footnotes and endnotes) of
# their document; block notes (between blocks) and notes the source printed in its text are shown where
# they stand without number. test_pdf.py checks that the print edition prints the same numbers.

NOTE_CASES = CASES.parent / "notes"
CALLS = "//a[@role='doc-noteref']"


def note_page(name: str) -> etree._Element:
    from teiedit.resources import xslt_dir

    doc = read_tei(NOTE_CASES / f"{name}.xml")
    return html.fromstring(transform_tei(xslt_dir() / "html" / "document.xsl", doc.tree))


def strings(found: object) -> object:
    """An XPath result as the reader sees it: elements as their space-normalised text."""
    if isinstance(found, list):
        return [
            " ".join(f.text_content().split()) if isinstance(f, etree._Element) else str(f)
            for f in found
        ]
    return found


@pytest.mark.parametrize(
    ("name", "xpath", "expected"),
    [
        ("footnotes-only", CALLS, ["1", "2", "3"]),
        ("footnotes-only", f"{CALLS}/@href", ["#note-1", "#note-2", "#note-3"]),
        (
            "footnotes-only",
            "//section[@class='footnotes']//li/a[@class='note-label']",
            ["1", "2", "3"],
        ),
        ("footnotes-only", "//section[@class='footnotes']//li/@id", ["note-1", "note-2", "note-3"]),
        ("footnotes-only", "normalize-space(//li[@id='note-3']/div)", "Mostly red."),
        # a block note before the first footnote takes no number, in the text or in the list
        ("block-before-footnote", CALLS, ["1", "2", "3"]),
        (
            "block-before-footnote",
            "//section[@class='footnotes']//li/a[@class='note-label']",
            ["1", "2", "3"],
        ),
        (
            "block-before-footnote",
            "//aside[contains(@class, 'note-editorial')]",
            [
                "The first page of the memorandum is damaged.",
                "A line is struck through here.",
                "The signature is illegible.",
            ],
        ),
        ("block-before-footnote", "count(//aside[1]/following::a[@role='doc-noteref'])", 3.0),
        ("block-before-footnote", "count(//aside[@data-n])", 0.0),
        ("block-before-footnote", "normalize-space(//li[@id='note-1']/div)", "By one tenth."),
        (
            "block-before-footnote",
            "normalize-space(//li[@id='note-3']/div)",
            "Of the weaving mill.",
        ),
        # @n is the label; ids keep the running number
        ("notes-with-n", CALLS, ["12", "2", "a", "14"]),
        ("notes-with-n", f"{CALLS}/@id", ["noteref-1", "noteref-2", "noteref-3", "noteref-4"]),
        (
            "notes-with-n",
            "//section[@class='footnotes']//li/a[@class='note-label']",
            ["12", "2", "a", "14"],
        ),
        ("notes-with-n", "//aside[contains(@class, 'note-orphan')]/@data-n", ["15"]),
        # an inline note and a note in a note stay in the text; a note that lost its call is an endnote
        ("anchors", CALLS, ["1", "2", "3", "4"]),
        ("anchors", "//p//span[contains(@class, 'inline-note')]", ["[?]"]),
        (
            "anchors",
            "//p[contains(@class, 'inline-note')]",
            ["[Editor's note: a paragraph of the source.]"],
        ),
        (
            "anchors",
            "normalize-space(//li[@id='note-1']/div)",
            "An anchored note (with a note of its own).",
        ),
        ("anchors", "normalize-space(//li[@id='note-2']/div)", "Anchored in an item."),
        ("anchors", "normalize-space(//li[@id='note-3']/div)", "A note that is the whole item."),
        ("anchors", "//aside[not(@data-n)]", ["A note between paragraphs, without a call."]),
        ("anchors", "//aside[contains(@class, 'note-orphan')]/@data-n", ["5", "9"]),
        # notes of a nested text are numbered with those of the text around it
        ("nested-text", CALLS, ["1", "2", "T1", "4"]),
        ("nested-text", f"//*[contains(@class, 'tei-floatingText')]{CALLS}", ["2", "T1"]),
        (
            "nested-text",
            "//section[@class='footnotes']//li/@id",
            ["note-1", "note-2", "note-3", "note-4"],
        ),
        (
            "nested-text",
            "//*[contains(@class, 'tei-floatingText')]//aside",
            ["The telegram is a copy."],
        ),
        # back matter: its anchored notes are footnotes, its other notes endnotes, all numbered in one run
        ("endnotes", CALLS, ["1", "3"]),
        ("endnotes", "//section[@class='footnotes']//li/@id", ["note-1", "note-3"]),
        ("endnotes", "//aside/@data-n", ["2", "3", "5"]),
    ],
)
def test_note_numbers(name: str, xpath: str, expected: object) -> None:
    assert strings(note_page(name).xpath(xpath)) == expected


def test_register_mentions_point_at_existing_ids(site: Path) -> None:
    checked = 0
    for reg in sorted((site / "entities").glob("*.html")):
        for href in page(site, f"entities/{reg.name}").xpath("//a[@class='mention']/@href"):
            target, fragment = href.removeprefix("../").split("#")
            assert page(site, target).xpath(f"count(//*[@id='{fragment}'])") == 1.0, href
            checked += 1
    assert checked >= 5  # the fixtures name persons, places and organisations


def test_no_duplicate_ids(site: Path) -> None:
    pages = sorted(site.glob("*.html"))
    assert len(pages) > 5
    for f in pages:
        ids = Counter(page(site, f.name).xpath("//@id"))
        assert [i for i, n in ids.items() if n > 1] == [], f.name


def text_nodes(nodes: list[str]) -> list[str]:
    return [" ".join(t.split()) for t in nodes if t.strip()]


def page_text_nodes(main: etree._Element) -> list[str]:
    """The text nodes under an HTML element (texts and tails; faster than XPath on big pages)."""
    out: list[str] = []
    for el in main.iter():
        if el is not main and el.tail:
            out.append(el.tail)
        if isinstance(el.tag, str) and el.tag != "script" and el.text:
            out.append(el.text)
    return out


def missing_text(tei_root: etree._Element, page_tree: etree._ElementTree) -> list[str]:
    """TEI text nodes of the reading text that are not on the page (as a text node or inside the text)."""
    has_text = tei_root.xpath("//tei:text", namespaces=TEI)
    expr = "//tei:text//text()" if has_text else "(//tei:sourceDoc | //tei:standOff)//text()"
    wanted = text_nodes(tei_root.xpath(expr, namespaces=TEI))
    main = page_tree.xpath("//main")[0]
    present = Counter(text_nodes(page_text_nodes(main)))
    whole = " ".join(main.text_content().split())
    missing = []
    for t in wanted:
        if present[t] > 0:
            present[t] -= 1
        elif t not in whole:
            missing.append(t)
    return missing


def test_every_text_node_of_the_fixtures_is_on_its_page(site: Path) -> None:
    fixtures = sorted(CASES.glob("*.xml"))
    assert len(fixtures) >= 4
    for f in fixtures:
        assert missing_text(read_tei(f).root, page(site, f"{f.stem}.html")) == [], f.name


def test_missing_text_notices_a_dropped_word(site: Path) -> None:
    tree = page(site, "letter-a.html")
    for el in tree.xpath("//span[@class='unclear']"):
        el.getparent().remove(el)
    assert "doubtful" in missing_text(read_tei(CASES / "letter-a.xml").root, tree)


@pytest.mark.slow
def test_external_tei_keeps_every_text_node(shared: Path, tmp_path: Path) -> None:
    files = []
    for f in sorted((shared / "corpora" / "external-tei").rglob("*.xml")):
        try:
            read_tei(f)
        except Exception:  # not well-formed or not TEI: refused with a message elsewhere (test_io)
            continue
        files.append(f)
    assert len(files) > 40
    out = tmp_path / "html"
    # In this process: a pool's two workers would each start, import teiedit and load the edition again
    # (about 2 s of CPU); a pool writes the same pages (tests/test_scale.py).
    serial = BuildOptions(workers=Workers(jobs=1))
    HtmlBuilder().build(Edition.from_files(make_edition(tmp_path), files), out, serial)
    mains = [
        html.parse(str(f)).xpath("//main")[0] for f in sorted((out / "entities").glob("*.html"))
    ]
    register_pages = " ".join(" ".join(m.text_content().split()) for m in mains)
    # A text that is a whole text node of those pages is in their text: only the others are searched
    # for in it (each a substring search through all of it).
    register_nodes = {t for m in mains for t in text_nodes(page_text_nodes(m))}
    problems = {}
    for f, name in zip(files, safe_page_names(files), strict=True):
        root = read_tei(f).root
        if is_register(root):
            entries = root.xpath(
                "//tei:person[@xml:id] | //tei:place[@xml:id] | //tei:org[@xml:id]", namespaces=TEI
            )
            wanted = [t for e in entries for t in text_nodes(e.xpath(".//text()"))]
            # Each distinct text is searched for once in the register pages' text: the same verdict for
            # every occurrence (a register repeats many texts: country names, roles, dates).
            absent = {t for t in set(wanted) - register_nodes if t not in register_pages}
            lost = [t for t in wanted if t in absent]
        else:
            lost = missing_text(root, html.parse(str(out / f"{name}.html")))
        if lost:
            problems[f.name] = lost[:5]
    assert problems == {}


HOSTILE = """<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:h="http://www.w3.org/1999/xhtml" xml:id="hostile" n="x&quot;onload=&quot;alert(1)">
  <teiHeader><fileDesc><titleStmt><title type="main">&lt;script&gt;alert(1)&lt;/script&gt;</title></titleStmt>
    <publicationStmt><publisher>x</publisher><idno type="URI">javascript:alert(1)</idno></publicationStmt>
    <sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p n="../../etc/passwd" type="x&quot;&gt;&lt;script&gt;" rend="x&quot; onmouseover=&quot;alert(1)" style="background:url(javascript:alert(1))">A
      <ref target="javascript:alert(1)">js link</ref> <ref target="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</ref>
      <ref target="JaVa&#9;Script:alert(1)">tab link</ref> <ref target="https://example.org/ok">good link</ref>
      <persName ref="javascript:alert(1)">Evil Name</persName>
      <h:script>alert("in text")</h:script><script>alert("tei script")</script>
      <h:img src="x" onerror="alert(1)"/><hi rend="italic" onclick="alert(1)">styled</hi></p>
  </body></text>
</TEI>
"""


def test_tei_cannot_inject_markup_or_script(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "hostile.xml").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    build(src, out)
    tree = page(out, "hostile.html")
    scripts = tree.xpath("//script[not(@type='application/ld+json')]")
    assert [s.get("src") for s in scripts] == ["js/site.js"]
    assert all(not s.text for s in scripts)
    # the page's JSON-LD is data: the hostile title stays inside its JSON string, with no "<" that
    # could end the script element
    (data,) = tree.xpath("//script[@type='application/ld+json']")
    assert "<" not in data.text and json.loads(data.text)["name"] == "<script>alert(1)</script>"
    hrefs = tree.xpath("//@href | //@src")
    assert [
        h for h in hrefs if re.match(r"\s*(javascript|data|vbscript):", h, re.I) or "\t" in h
    ] == []
    assert "https://example.org/ok" in hrefs
    assert tree.xpath("//@*[starts-with(name(), 'on')]") == []
    assert tree.xpath("//@style") == []
    assert tree.xpath("//img") == []
    text = tree.xpath("string(//main)")
    for word in ("js link", "data link", "tab link", "Evil Name", 'alert("in text")', "styled"):
        assert word in text
    assert tree.xpath("string(//h1)") == "<script>alert(1)</script>"
    # ids from the TEI never name files
    assert sorted(p.name for p in out.glob("*.html")) == [
        "hostile.html",
        "index.html",
        "orgs.html",
        "persons.html",
        "places.html",
        "search.html",
        "timeline.html",
    ]
    assert not (tmp_path / "etc").exists()


def test_page_names_come_from_safe_file_stems_and_avoid_site_pages(tmp_path: Path) -> None:
    names = safe_page_names(
        [Path("index.xml"), Path("Search.xml"), Path("a b/../Ünïcode file.xml"), Path("x.xml")]
    )
    assert names[0] == "doc-index" and names[1] == "doc-search"
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", n) for n in names)


def test_registers_are_recognised_by_structure() -> None:
    assert is_register(read_tei(CASES / "registers" / "persons.xml").root)
    assert not is_register(read_tei(CASES / "letter-a.xml").root)


def test_only_changed_documents_are_rendered_again(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(CASES, src)
    out = tmp_path / "html"
    first = {p.name for p in build(src, out)}
    assert {"letter-a.html", "letter-b.html", "memo-c.html", "index.html", "persons.html"} <= first
    assert build(src, out) == []  # nothing changed: nothing written
    memo = src / "memo-c.xml"
    memo.write_text(
        memo.read_text(encoding="utf-8").replace("again.", "once more."), encoding="utf-8"
    )
    second = {p.name for p in build(src, out) if p.parent.name != "search"}
    # the site pages that show the changed sentence, not the others (the index, the overviews)
    assert second == {"memo-c.html", "search.html", "p-kim.html", "o-coop.html"}
    assert "once more." in (out / "entities" / "p-kim.html").read_text(encoding="utf-8")
    assert "once more." in (out / "memo-c.html").read_text(encoding="utf-8")
    assert any(
        "once more." in f.read_text(encoding="ascii") for f in (out / "search").glob("f*.js")
    )
    # a register entry changes: only the pages naming it (and the listings) are rendered again
    persons = src / "registers" / "persons.xml"
    persons.write_text(
        persons.read_text(encoding="utf-8").replace("Counter of carts.", "Counts carts."),
        encoding="utf-8",
    )
    third = {p.name for p in build(src, out)}
    assert {"letter-a.html", "memo-c.html", "persons.html", "p-kim.html"} <= third
    assert "letter-b.html" not in third and "p-berg.html" not in third
    # a removed document loses its page
    memo.unlink()
    build(src, out)
    assert not (out / "memo-c.html").exists()
    assert "memo-c" not in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["docs"]
    # a lost asset or page comes back even when nothing changed
    (out / "css" / "site.css").unlink()
    (out / "letter-b.html").unlink()
    assert {p.name for p in build(src, out)} == {"letter-b.html"}
    assert (out / "css" / "site.css").is_file()


def test_a_new_document_rerenders_its_neighbours(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(CASES, src)
    out = tmp_path / "html"
    build(src, out)
    later = (
        (src / "memo-c.xml")
        .read_text(encoding="utf-8")
        .replace("1957-03-03", "1958-01-01")
        .replace("Memorandum on the carts", "Later memorandum")
    )
    (src / "memo-d.xml").write_text(later, encoding="utf-8")
    written = {p.name for p in build(src, out)}
    assert {"memo-d.html", "compilation-s.html"} <= written and "letter-a.html" not in written
    assert "memo-c.html" not in written
    assert page(out, "compilation-s.html").xpath("string(//a[@rel='next']/@href)") == "memo-d.html"


def test_print_stylesheet_still_imports_the_web_one(tmp_path: Path) -> None:
    from teiedit.resources import xslt_dir

    doc = read_tei(CASES / "letter-a.xml")
    out = transform_tei(xslt_dir() / "print" / "document.xsl", doc.tree, {"edition-title": "T"})
    tree = html.fromstring(out)
    text = " ".join(tree.text_content().split())
    for expected in ("Of cabbages, mostly.", "Ten carts, as said.", "poor"):
        assert expected in text
    # the text behaviours come from the web stylesheets (the print ones override notes and the frame)
    assert tree.xpath("count(//div[@class='tei-opener'])") == 1


def test_html_command_renders_any_tei_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import run_cli

    monkeypatch.chdir(tmp_path)  # outside any edition
    code, out, err = run_cli(["html", str(CASES), "--out", str(tmp_path / "site")], capsys)
    assert code == 0, err
    assert (tmp_path / "site" / "letter-a.html").is_file()
    assert (
        page(tmp_path / "site", "persons.html").xpath("count(//li[@class='register-entry'])") == 3.0
    )
    assert oct((tmp_path / "site" / "letter-a.html").stat().st_mode & 0o777) == "0o644"


def test_html_command_refuses_xml_that_is_not_tei(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import run_cli

    (tmp_path / "other.xml").write_text("<root>not TEI</root>", encoding="utf-8")
    code, _, err = run_cli(
        ["html", str(tmp_path / "other.xml"), "--out", str(tmp_path / "site")], capsys
    )
    assert code == 2
    assert "other.xml" in err and "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_stylesheets_are_compiled_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import teiedit.xslt as xslt

    real = xslt.processor()
    compiled: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def new_xslt30_processor(self) -> object:
            compiled.append("x")
            return real.new_xslt30_processor()

    monkeypatch.setattr(xslt, "_compiled", {})
    monkeypatch.setattr(xslt, "processor", lambda: Counting())
    build(CASES, tmp_path / "html")
    # document, index, timeline, registers (3 pages), entities and search: six stylesheets, each once
    assert len(compiled) == 6


def internal_link_problems(site: Path) -> list[str]:
    """Links between pages of a site whose file or fragment does not exist."""
    from urllib.parse import unquote, urlsplit

    ids: dict[str, set[str]] = {}
    problems = []
    checked = 0
    for f in sorted(site.glob("*.html")):
        for href in page(site, f.name).xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            checked += 1
            target = site / unquote(parts.path) if parts.path else f
            if not target.is_file():
                problems.append(f"{f.name}: {href}")
            elif parts.fragment and target.suffix == ".html":
                if target.name not in ids:
                    ids[target.name] = set(page(site, target.name).xpath("//@id"))
                if unquote(parts.fragment) not in ids[target.name]:
                    problems.append(f"{f.name}: {href}")
    assert checked > 10, f"only {checked} internal links found in {site}"
    return problems


def test_internal_links_resolve(site: Path) -> None:
    assert internal_link_problems(site) == []


def test_the_full_example_of_the_tei_contract_renders_completely(
    repo: Path, tmp_path: Path
) -> None:
    """tests/cases/validate/valid holds a letter using every element of docs/tei-conventions.md."""
    src = repo / "tests" / "cases" / "validate" / "valid"
    out = tmp_path / "html"
    build(src, out)
    documents = [f for f in sorted(src.glob("*.xml")) if not is_register(read_tei(f).root)]
    assert len(documents) >= 2
    for f in documents:
        root = read_tei(f).root
        assert missing_text(root, page(out, f"{safe_page_names([f])[0]}.html")) == [], f.name
    assert internal_link_problems(out) == []
    letter = page(out, "letter-full.html")
    assert letter.xpath("string(//a[@class='tei-ref']/@href)") == "#d1"
    assert letter.xpath("string(//a[@class='tei-ptr']/@href)") == "#note-1"


def test_pages_link_their_pdf_when_asked(tmp_path: Path) -> None:
    files = sorted(CASES.rglob("*.xml"))
    edition = Edition.from_files(make_edition(tmp_path), files)
    HtmlBuilder().build(edition, tmp_path / "html", BuildOptions({"link_pdf": True}))
    links = page(tmp_path / "html", "letter-a.html").xpath("//ul[@class='downloads']//a/@href")
    assert links == ["tei/letter-a.xml", "pdf/letter-a.pdf", "txt/letter-a.txt"]
    index = page(tmp_path / "html", "index.html")
    assert index.xpath("string(//p[@class='edition-downloads']/a/@href)") == "pdf/edition.pdf"


def test_a_nested_entry_says_what_it_is_part_of(tmp_path: Path) -> None:
    """An org in an org (a board in its cooperative): its page links the whole, the whole's its part;
    the part is no 'More' line of the whole's data, and the overview lists both."""
    src = tmp_path / "src"
    shutil.copytree(CASES, src)
    orgs = src / "registers" / "orgs.xml"
    orgs.write_text(
        orgs.read_text(encoding="utf-8").replace(
            "</desc></org>",
            "</desc><org xml:id='o-board'><orgName>Board of the Cooperative</orgName></org></org>",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "html"
    build(src, out)
    board = page(out, "entities/o-board.html")
    coop = page(out, "entities/o-coop.html")
    assert (
        board.xpath("string(//dt[.='Part of']/following-sibling::dd[1]/a/@href)") == "o-coop.html"
    )
    assert coop.xpath("string(//dt[.='Parts']/following-sibling::dd[1]/a)") == (
        "Board of the Cooperative"
    )
    assert coop.xpath("count(//dt[.='More'])") == 0
    listed = page(out, "orgs.html").xpath("//li[@class='register-entry']/a")
    assert [a.text_content() for a in listed] == [
        "Board of the Cooperative",
        "Northtown Cooperative",
    ]

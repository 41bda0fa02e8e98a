"""The default processing model's behaviours for TEI from elsewhere, on a document written for the test
(tests/cases/behaviours/varia.xml): XPath tables over its web page and its print HTML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from teiedit.builder import BuildOptions
from teiedit.builders.html import HtmlBuilder, render_page
from teiedit.builders.pdf.plan import plan
from teiedit.config import default_settings
from teiedit.diagnostics import Diagnostic, Level
from teiedit.edition import Edition


def build_site(files: list[Path], out: Path, root: Path) -> list[Diagnostic]:
    """Build the site; the findings the builder noted (an image not found, say)."""
    found: list[Diagnostic] = []
    edition = Edition.from_files(default_settings(root), files)
    HtmlBuilder().build(edition, out, BuildOptions(notice=found.append))
    return found


def print_html(files: list[Path], root: Path, output: str) -> str:
    """The print HTML of one document's own PDF (XSLT only: no layout)."""
    p = plan(Edition.from_files(default_settings(root), files))
    (job,) = [j for j in p.jobs if j.output == output]
    return job.html


def written_document(factory: pytest.TempPathFactory, name: str, text: str) -> Path:
    """A TEI document written into a folder of its own (``name``.xml), for a module's fixtures."""
    path = factory.mktemp(name) / f"{name}.xml"
    path.write_text(text, encoding="utf-8")
    return path


def web_page(source: Path) -> html.HtmlElement:
    """The web page of one document, from a site built beside it."""
    out = source.parent / "html"
    build_site([source], out, source.parent)
    return html.parse(str(out / f"{source.stem}.html")).getroot()


def print_page(source: Path) -> html.HtmlElement:
    """The print HTML of one document (XSLT only: no layout)."""
    return html.fromstring(print_html([source], source.parent, f"{source.stem}.pdf"))


CASE = Path(__file__).resolve().parent / "cases" / "behaviours" / "varia.xml"


def write_png(path: Path, size: tuple[int, int] = (200, 100)) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 180, 120)).save(path)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("behaviours")
    shutil.copyfile(CASE, root / "varia.xml")
    write_png(root / "images" / "page1.png")
    out = root / "html"
    build_site([root / "varia.xml"], out, root)
    return out


@pytest.fixture(scope="module")
def page(site: Path) -> html.HtmlElement:
    return html.parse(str(site / "varia.html")).getroot()


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> html.HtmlElement:
    """The print HTML of the document (XSLT only: no layout)."""
    root = tmp_path_factory.mktemp("behaviours-print")
    shutil.copyfile(CASE, root / "varia.xml")
    return html.fromstring(print_html([root / "varia.xml"], root, "varia.pdf"))


def cls(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


WEB = [
    # critical apparatus: the lemma in the text, the entry (readings with sigla) in a pop-over
    (f"string(//span[{cls('app')}][1]/span[{cls('lem')}])", "old"),
    (
        f"normalize-space(//span[{cls('app')}][1]/span[{cls('app-entry')}])",
        "old A ] ancient B Ed; lac B",
    ),
    (f"string(//span[{cls('app')}][2]/span[{cls('lem')}]/span[{cls('app-mark')}])", "°"),
    (f"normalize-space(//span[{cls('app')}][2]//span[{cls('app-loc')}])", "3"),
    # Leiden: supplied [lost] and ⟨omitted⟩, counted lost characters, unclear letters dotted
    (f"normalize-space((//span[{cls('supplied')}])[1])", "[αβ]"),
    (f"normalize-space((//span[{cls('supplied')}])[2])", "⟨λμ⟩"),
    (f"string(//span[{cls('gap')}]/span[{cls('gap-mark')}])", "[...]"),
    (f"string(//span[{cls('unclear')}][{cls('underdot')}])", "ε"),
    (f"count(//span[{cls('tei-ex')}][contains(@class, 'pm-ex-')])", 1.0),
    ("contains(string(//head/style), 'content: \"(\"')", True),
    # line numbers every fifth line: lb/@n and verse lines without @n
    (f"string(//*[@lang='grc'][1]/span[{cls('line-number')}])", "5"),
    (f"string(//p[{cls('tei-l')}][5]/span[{cls('line-number')}])", "5"),
    (f"count(//p[{cls('tei-l')}]/span[{cls('line-number')}])", 1.0),
    # direction from the language and, without one, from the letters
    ("string(//p[@lang='syr']/@dir)", "rtl"),
    ("string(//p[starts-with(normalize-space(), 'שלום')]/@dir)", "rtl"),
    ("count(//p[not(@dir)][contains(., 'Kettle') or contains(., 'whistle')])", 2.0),
    # a table inside a paragraph is a table; the paragraph becomes a div around it
    (f"count(//div[{cls('tei-p')}]/table[{cls('tei-table')}]/tr)", 2.0),
    ("string(//table/caption)", "Prices"),
    ("string(//table/tr[1]/th[1])", "Item"),
    # verse, drama, lists of every kind, quotations
    (f"count(//p[{cls('tei-l')}])", 6.0),
    (f"string(//p[{cls('speaker')}])", "Kettle"),
    (f"string(//span[{cls('stage')}])", "(boiling)"),
    ("string(//dl/dt[1])", "alpha"),
    ("string(//dl/dd[2])", "the second letter"),
    ("count(//ol/li)", 2.0),
    (f"normalize-space(//span[{cls('tei-cit')}])", "A stitch in time Proverb"),
    # links with generated text, a space the source leaves
    ("string(//a[@class='tei-ref'])", "Varia"),
    ("string(//a[@class='tei-ptr'])", "https://example.org/page"),
    ("count(//p[contains(., 'the word spaced.')])", 1.0),
    # choice of every pairing; two unclear readings are both shown, with a slash
    (f"normalize-space(//span[{cls('choice')}][span[{cls('unclear')}]])", "mouse / house"),
    (f"string(//span[{cls('reg')}])", "color"),
    (f"string(//span[{cls('choice')}]/span[{cls('expan')}][{cls('reading-corrected')}])", "Doctor"),
    # transcription: subst, hand, forme work, a page break inside a word, a line break inside a word
    (f"string(//span[{cls('subst')}]/del)", "wrote"),
    (f"string(//span[{cls('subst')}]/ins)", "typed"),
    (f"contains(//span[{cls('tei-handShift')}]/@title, 'second hand')", True),
    (f"string(//span[{cls('forme-work')}])", "Running head"),
    (f"count(//span[{cls('tei-pb')}][{cls('in-word')}])", 1.0),
    (f"count(//span[{cls('tei-pb')}][{cls('in-word')}]//a)", 0.0),
    (f"count(//br[{cls('in-word')}])", 1.0),
    (f"contains(normalize-space(//p[br[{cls('in-word')}]]), 'Mit-theilung')", True),
    (f"string(//span[{cls('tei-g')}])", "ſ"),
    # tokens spaced as words, punctuation not
    (f"normalize-space(//p[span[{cls('tei-w')}]])", "εν τω λογω."),
    # the document's own registers: names link to their entry in the page, with a description
    ("string(//a[@data-entity='p1']/@href)", "#p1"),
    ("normalize-space(//li[@id='p1'])", "Ada Quill; * 1801; printer"),
    ("normalize-space(//li[@id='desc-p1'])", "Ada Quill: printer"),
    ("string(//a[@data-entity='pl1']/@aria-describedby)", "desc-pl1"),
    # facsimile beside the text: the image copied into the site, the zone over it, the page linked
    ("string(//body/@class)", "document-page has-facsimile"),
    ("string(//aside[@class='facsimile']//img/@src)", "images/varia/page1.png"),
    (f"contains(//span[{cls('tei-zone')}][@id='zone1']/@style, 'left:25%')", True),
    ("string(//span[@class='tei-pb'][@data-n='1']/a[@class='facs-link']/@href)", "#surf1"),
    ("count(//img[@src='images/varia/page1.png'])", 2.0),
    ("string(//figure[img]/figcaption)", "A page"),
    # IIIF: a link and a button the viewer uses on request; no remote image is loaded
    (
        "string(//button[@class='iiif-open']/@data-iiif)",
        "https://images.example.org/iiif/page2/info.json",
    ),
    ("count(//img[starts-with(@src, 'http')])", 0.0),
    ("count(//script[@src='js/vendor/openseadragon/openseadragon.min.js'])", 1.0),
    # the table of contents lists the headings
    ("string(//nav[@class='tei-divGen toc']//a)", "Varia"),
    # a dictionary entry: a block, its headword bold, each sense on a line with its number
    (f"count(//div[{cls('dictionary-entry')}]/div[{cls('tei-sense')}])", 2.0),
    (f"normalize-space(//div[{cls('dictionary-entry')}]/div[{cls('tei-sense')}][2])", "2. a spine"),
    (f"string(//div[{cls('dictionary-entry')}]/span[contains(@class, 'pm-form-')]/span)", "quill"),
    ("contains(string(//head/style), 'font-weight: bold')", True),
    ("contains(string(//head/style), 'content: \"[\"')", True),
]


@pytest.mark.parametrize(("xpath", "expected"), WEB)
def test_web_behaviours(page: html.HtmlElement, xpath: str, expected: object) -> None:
    assert page.xpath(xpath) == expected


def test_the_viewer_and_the_image_are_copied_into_the_site(site: Path) -> None:
    assert (site / "images" / "varia" / "page1.png").is_file()
    vendor = site / "js" / "vendor" / "openseadragon"
    assert (vendor / "openseadragon.min.js").is_file() and (vendor / "LICENSE.txt").is_file()
    assert len(list((vendor / "images").glob("*.png"))) > 10


def test_a_site_without_images_ships_no_viewer(tmp_path: Path) -> None:
    src = tmp_path / "plain.xml"
    src.write_text(
        CASE.read_text(encoding="utf-8").replace("images/page1.png", "images/absent.png"),
        encoding="utf-8",
    )
    out = tmp_path / "html"
    (found,) = build_site([src], out, tmp_path)
    # the editor is told: a document from elsewhere comes without its images
    assert (found.path, found.level, found.rule) == (str(src), Level.WARNING, "image-not-found")
    assert "1 image not found beside the TEI file" in found.message
    assert found.message.endswith(": images/absent.png")
    assert not (out / "js" / "vendor").exists()
    page = html.parse(str(out / "plain.html"))
    assert (
        page.xpath("count(//img)") == 0
        and page.xpath("count(//script[contains(@src, 'vendor')])") == 0
    )
    assert page.xpath("string(//span[contains(@class, 'missing')]/@title)") == (
        "Image not included in this edition: images/absent.png"
    )


def test_images_outside_the_documents_folder_are_not_copied(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "secret.png"
    write_png(outside)
    src = tmp_path / "tei" / "doc.xml"
    src.parent.mkdir()
    src.write_text(
        CASE.read_text(encoding="utf-8").replace("images/page1.png", "../elsewhere/secret.png"),
        encoding="utf-8",
    )
    out = tmp_path / "html"
    build_site([src], out, tmp_path / "tei")
    assert not list(out.rglob("secret.png"))
    assert (out / "doc.html").is_file()


PRINT = [
    # the apparatus: the lemma and the number of its entry in the text, the entries after the text
    (f"normalize-space(//span[{cls('app')}][1])", "old1"),
    (f"normalize-space(//section[{cls('apparatus')}]/p[1])", "1 old A ] ancient B Ed; lac B"),
    (f"count(//section[{cls('apparatus')}]/p)", 2.0),
    # Leiden in print: dotted letters without [?], counted lost characters
    (f"string(//span[{cls('unclear')}][{cls('underdot')}])", "ε"),
    (
        f"count(//span[{cls('unclear')}][{cls('underdot')}]/following-sibling::*[1][{cls('editorial-sign')}])",
        0.0,
    ),
    (f"string(//span[{cls('gap')}])", "[...]"),
    (f"normalize-space((//span[{cls('supplied')}])[2])", "⟨λμ⟩"),
    # direction in print too
    ("string(//p[@lang='syr']/@dir)", "rtl"),
    # a table inside a paragraph, a description list
    (f"count(//div[{cls('tei-p')}]/table/tr)", 2.0),
    ("string(//dl/dt[2])", "beta"),
    # no "[p. ]" and nothing inside a word for a page break
    (f"count(//span[{cls('tei-pb')}][{cls('in-word')}]/node())", 0.0),
    # choice: the corrected, regularised and expanded readings; two unclear readings both
    (f"normalize-space(//span[{cls('corr')}])", "the"),
    (f"normalize-space(//span[{cls('choice')}])", "mouse / house"),
]


@pytest.mark.parametrize(("xpath", "expected"), PRINT)
def test_print_behaviours(printed: html.HtmlElement, xpath: str, expected: object) -> None:
    assert printed.xpath(xpath) == expected


def test_print_keeps_every_word(printed: html.HtmlElement) -> None:
    from token_recall import page_text, recall, tei_reading

    r = recall(
        tei_reading(etree.parse(str(CASE)).getroot()),
        page_text(etree.tostring(printed), "//article"),
    )
    assert r.total > 100 and r.missing == []


def test_a_documents_own_registers_are_exposed_to_builders() -> None:
    from teiedit.builders.local_registers import document_entries, document_registers

    root = etree.parse(str(CASE)).getroot()
    lists = document_registers(root)
    assert [etree.QName(el).localname for el in lists] == ["listPerson", "listPlace"]
    assert sorted(document_entries(lists[0])) == ["p1"]
    assert sorted(document_entries(root)) == ["ed1", "p1", "pl1"]


def test_every_element_of_tei_keeps_its_text(tmp_path: Path) -> None:
    """Each element of TEI (p5subset's elementSpecs), with a word of its own, in a paragraph: the web page
    and the print HTML keep every word, whatever the element's model (or none)."""
    from token_recall import page_text

    p5 = Path(__file__).resolve().parents[2] / "shared" / "tei-p5" / "p5subset.xml"
    if not p5.is_file():
        pytest.fail(f"the shared TEI source is missing at {p5}")
    tei = "http://www.tei-c.org/ns/1.0"
    names = sorted(
        {s.get("ident", "") for s in etree.parse(str(p5)).iter(f"{{{tei}}}elementSpec")}
        - {"TEI", "teiCorpus", "text", "teiHeader", "egXML"}
    )
    assert len(names) > 550
    body = "".join(f"<p>before <{n}>word{i}x</{n}> after</p>" for i, n in enumerate(names))
    src = tmp_path / "every.xml"
    src.write_text(
        f'<TEI xmlns="{tei}"><teiHeader><fileDesc><titleStmt><title>Every element</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><div>{body}</div></body></text></TEI>",
        encoding="utf-8",
    )
    settings = default_settings(tmp_path)
    (ed,) = Edition.from_files(settings, [src]).inputs()
    web = page_text(render_page(ed, settings))
    printed = page_text(print_html([src], tmp_path, "every.pdf"), "//article")
    omitted = {"binaryObject"}  # binary data, not text
    for i, n in enumerate(names):
        if n in omitted:
            continue
        assert f"word{i}x" in web, f"<{n}> lost its text on the web"
        assert f"word{i}x" in printed, f"<{n}> lost its text in print"


def test_a_corpus_page_gives_each_member_its_title(tmp_path: Path) -> None:
    def member(title: str, text: str) -> str:
        return (
            f"<TEI><teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>"
            "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>"
            f"</teiHeader><text><body><p>{text}</p></body></text></TEI>"
        )

    (tmp_path / "corpus.xml").write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        "<title>Three deeds</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
        "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
        + member("Deed 1: a sale", "Sold.")
        + member("Deed 2: a debt", "Owed.")
        + "</teiCorpus>",
        encoding="utf-8",
    )
    settings = default_settings(tmp_path)
    (ed,) = Edition.from_files(settings, [tmp_path / "corpus.xml"]).documents()
    page = html.fromstring(render_page(ed, settings))
    shown = [
        " ".join(el.text_content().split())
        for el in page.xpath(f"//article//*[{cls('corpus-member-title')} or {cls('tei-p')}]")
    ]
    assert shown == ["Deed 1: a sale", "Sold.", "Deed 2: a debt", "Owed."]

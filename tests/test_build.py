"""`teiedit build` end to end on a mini edition, with real saxonche and WeasyPrint."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli
from lxml import etree, html
from pypdf import PdfReader

pytestmark = pytest.mark.slow  # a whole edition, PDFs included (built once per session)


@pytest.fixture
def built(built_mini: Path) -> Path:
    """The mini edition, built once for the whole session (these tests only read it)."""
    return built_mini


def test_build_writes_tei_that_validates(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tei = sorted(p.name for p in (built / "tei").glob("*.xml"))
    assert tei == ["note-on-cabbages.xml", "plain-letter.xml"]
    code, _, err = run_cli(["validate", str(built / "tei")], capsys)
    assert code == 0, err


@pytest.mark.parametrize(
    ("page", "xpath", "expected"),
    [
        ("index.html", "string(//title)", "Documents · Mini Edition"),
        ("index.html", "count(//table//tbody/tr)", 2.0),
        ("index.html", "string(//tbody/tr[1]/td[1])", "1957-03-03"),
        ("index.html", "string(//tbody/tr[1]//a/@href)", "note-on-cabbages.html"),
        ("note-on-cabbages.html", "string(//h1)", "Memorandum on the Cabbage Harvest"),
        ("note-on-cabbages.html", "string(//time/@datetime)", "1957-03-03"),
        ("note-on-cabbages.html", "boolean(//main[@id='main'])", True),
        ("note-on-cabbages.html", "string(//a[@rel='next']/@href)", "plain-letter.html"),
        ("plain-letter.html", "contains(string(//main), '金日成')", True),
    ],
)
def test_html_pages(built: Path, page: str, xpath: str, expected: object) -> None:
    doc = html.parse(str(built / "out" / "html" / page))
    assert doc.xpath(xpath) == expected


def test_every_source_paragraph_is_on_its_page(built: Path) -> None:
    page = html.parse(str(built / "out" / "html" / "note-on-cabbages.html"))
    text = " ".join(page.xpath("string(//main)").split())
    assert "The harvest in the northern provinces was poor this year." in text
    assert "Chŏng Pyŏng-il" in text


def test_pdfs_hold_the_text(built: Path) -> None:
    pdf_dir = built / "out" / "pdf"
    assert sorted(p.name for p in pdf_dir.glob("*.pdf")) == [
        "edition.pdf",
        "note-on-cabbages.pdf",
        "plain-letter.pdf",
    ]
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(pdf_dir / "edition.pdf").pages).split()
    )
    assert "Memorandum on the Cabbage Harvest" in text
    assert "Deliveries to the capital fell by a third" in text
    single = " ".join(PdfReader(pdf_dir / "plain-letter.pdf").pages[0].extract_text().split())
    assert "All is well here." in single


def test_tei_files_are_published_with_the_site(built: Path) -> None:
    copied = built / "out" / "html" / "tei" / "note-on-cabbages.xml"
    assert (
        etree.parse(str(copied)).getroot().get("{http://www.w3.org/XML/1998/namespace}id")
        == "note-on-cabbages"
    )


def test_every_link_of_the_built_site_resolves_with_out_html_as_its_root(built: Path) -> None:
    """The site as `teiedit build` leaves it (PDFs put into it): every page's links are relative and lead
    to a file inside out/html, the PDFs and downloads included, so it serves at a root or a sub-path."""
    from urllib.parse import unquote, urlsplit

    site = (built / "out" / "html").resolve()
    pages = sorted(site.rglob("*.html"))
    targets: set[str] = set()
    for page in pages:
        tree = html.parse(str(page))
        for href in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or not parts.path:
                continue  # external, or within the page
            assert not href.startswith("/"), f"{page.name}: {href} breaks under a sub-path"
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(site) and target.is_file(), f"{page.name}: {href}"
            targets.add(target.relative_to(site).as_posix())
    assert len(pages) >= 8
    downloads = {
        "pdf/edition.pdf",  # from the index
        "pdf/note-on-cabbages.pdf",
        "tei/note-on-cabbages.xml",
        "txt/note-on-cabbages.txt",
        "cite/note-on-cabbages.bib",
        "cite/note-on-cabbages.ris",
        "cite/note-on-cabbages.json",
    }
    assert downloads <= targets
    index = html.parse(str(site / "index.html"))
    assert index.xpath("//a[@href='pdf/edition.pdf']")

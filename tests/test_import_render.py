"""Imported documents render in the web and print editions with all their text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FULL, bounded
from lxml import etree
from lxml import html as lxml_html

from teiedit.builders.html import render_page
from teiedit.config import load_settings
from teiedit.edition import Edition
from teiedit.exchange.importer import import_files
from teiedit.workers import Workers

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
SHARED_CORPUS = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "external-tei"
)
TEI = "{http://www.tei-c.org/ns/1.0}"
#: Bytes of XML: larger documents are printed with TEIEDIT_TESTS=full only (see the print test).
PRINT_LIMIT = 1_000_000

pytestmark = pytest.mark.slow  # the whole shared corpus, in HTML and in PDF


def _words(text: str) -> str:
    return " ".join(text.split())


def text_nodes(root: etree._Element, *, corrected: bool = False) -> list[str]:
    """Every non-blank text node inside tei:text (nested texts included), space-normalised; with
    ``corrected``, without the sic/orig/abbr of a choice that has a corr/reg/expan (the reading print shows)."""
    out = []
    other = (
        (
            "[not(ancestor::tei:sic[parent::tei:choice[tei:corr]])]"
            "[not(ancestor::tei:orig[parent::tei:choice[tei:reg]])]"
            "[not(ancestor::tei:abbr[parent::tei:choice[tei:expan]])]"
        )
        if corrected
        else ""
    )
    for text_el in root.iter(f"{TEI}text"):
        for node in text_el.xpath(".//text()" + other, namespaces={"tei": TEI[1:-1]}):
            if _words(node):
                out.append(_words(node))
    return out


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not SHARED_CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {SHARED_CORPUS}")
    root = tmp_path_factory.mktemp("render") / "edition"
    shutil.copytree(CASES / "edition", root)
    report = import_files([SHARED_CORPUS], load_settings(root))
    return [report.target_dir / f.name for f in report.files if f.status == "imported"]


def test_every_imported_document_renders_all_its_text_in_html(imported: list[Path]) -> None:
    assert len(imported) >= 45
    edition = load_settings(CASES / "edition")
    checked = 0
    for ed in Edition.from_files(edition, imported).inputs():
        tree = lxml_html.fromstring(render_page(ed, edition))
        page = _words(tree.text_content())
        # A text that is a whole text node of the page is in the page's text: only the others are
        # searched for in it (each a substring search through the whole page).
        whole_nodes = {_words(t) for t in tree.xpath(".//text()")}
        missing = [t for t in text_nodes(ed.doc.root) if t not in whole_nodes and t not in page]
        assert missing == [], (
            f"{ed.path.name}: {len(missing)} text nodes missing, e.g. {missing[:3]}"
        )
        checked += 1
    assert checked == len(imported)


def _printed_words(pdf: Path) -> str:
    """The text of a PDF's pages inside the margins (no page numbers, no running heads), in logical order
    (pdftotext also gives right-to-left scripts in reading order), with the print edition's hyphenation
    undone, also across a page break."""
    import subprocess

    mm = 72 / 25.4
    width, height = 156 * mm, 234 * mm  # xslt/css/print.css
    out = subprocess.run(
        [
            "pdftotext",
            "-enc",
            "UTF-8",
            "-x",
            "0",
            "-y",
            str(int(17 * mm)),
            "-W",
            str(int(width)),
            "-H",
            str(int(height - 35 * mm)),
            "-r",
            "72",
            str(pdf),
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [page.strip() for page in out.split("\f")]
    text = "\n".join(pages)
    # A word hyphenated at a page's last line goes on at the top of the next page, after the footnotes.
    across = [
        line[:-1] + following.split()[0]
        for page, following in zip(pages, pages[1:], strict=False)
        if following.split()
        for line in page.splitlines()
        if line.endswith(("\u2010", "-"))
    ]
    return _words(text.replace("\u2010\n", "").replace("-\n", "")) + " " + _words(" ".join(across))


def test_every_imported_document_prints_all_its_text(imported: list[Path], tmp_path: Path) -> None:
    """All of the shared corpus, as `teiedit build` prints it: each document's own PDF holds every word of
    its reading text (the corrected, regularised, expanded side of a choice: what print shows)."""
    from teiedit.builder import BuildOptions
    from teiedit.builders.pdf import PdfBuilder
    from teiedit.registers import is_register

    # Laying out the whole corpus takes over a minute of CPU: the default run prints every register and
    # an evenly spread sample of the documents under PRINT_LIMIT (the same each run); TEIEDIT_TESTS=full
    # prints them all. The larger ones (a 490-page novel, a 2 MB chronology) take most of that minute on
    # their own; the chunked layout they go through is checked in tests/test_pdf_chunks.py.
    documents = [p for p in imported if not is_register(etree.parse(str(p)).getroot())]
    printable = [p for p in documents if FULL or p.stat().st_size < PRINT_LIMIT]
    step = max(1, len(printable) // bounded(len(printable), min(len(printable), 12)))
    sample = set(printable[::step])
    imported = [p for p in imported if p in sample or p not in documents]
    settings = load_settings(CASES / "edition")
    # In this process: a pool's two workers would each start and import WeasyPrint again; a pool lays
    # out the same pages (tests/test_one_bad_document.py compares a serial and a pool layout).
    serial = BuildOptions(workers=Workers(jobs=1))
    written = PdfBuilder().build(Edition.from_files(settings, imported), tmp_path / "pdf", serial)
    by_stem = {p.stem: p for p in written}
    assert "edition" in by_stem
    checked = 0
    for src in imported:
        root = etree.parse(str(src)).getroot()
        words = [w for t in text_nodes(root, corrected=True) for w in t.split() if w.isalpha()]
        if (
            src.stem not in by_stem
        ):  # a register: its entries feed the book's index (the web prints it whole)
            assert is_register(root), f"{src.name} has no PDF"
            continue
        text = _printed_words(by_stem[src.stem])
        # Each distinct word is looked up once (a substring search in the whole text): the same verdict
        # for every occurrence, without searching the text again for each of them.
        absent = {w for w in set(words) if w not in text}
        missing = [w for w in words if w in absent]
        assert not missing, (
            f"{src.name}: {len(missing)} of {len(words)} words not printed, e.g. {missing[:5]}"
        )
        checked += 1
    assert checked == len(sample) >= (40 if FULL else 10)

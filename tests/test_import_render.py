"""Imported documents render in the web and print editions with all their text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from teiedit.builders.corpus import load_edition_docs
from teiedit.builders.html import render_page
from teiedit.config import load_edition
from teiedit.exchange.importer import import_files

CASES = Path(__file__).resolve().parent / "cases" / "exchange"
SHARED_CORPUS = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "external-tei"
)
TEI = "{http://www.tei-c.org/ns/1.0}"


def _words(text: str) -> str:
    return " ".join(text.split())


def text_nodes(root: etree._Element, *, corrected: bool = False) -> list[str]:
    """Every non-blank text node inside tei:text (nested texts included), space-normalised; with
    ``corrected``, without the sic/orig of a choice that has a corr/reg (the corrected reading)."""
    out = []
    other = ("[not(ancestor::tei:sic[parent::tei:choice[tei:corr]])]"
             "[not(ancestor::tei:orig[parent::tei:choice[tei:reg]])]") if corrected else ""
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
    report = import_files([SHARED_CORPUS], load_edition(root))
    return [report.target_dir / f.name for f in report.files if f.status == "imported"]


def test_every_imported_document_renders_all_its_text_in_html(imported: list[Path]) -> None:
    assert len(imported) >= 45
    edition = load_edition(CASES / "edition")
    checked = 0
    for ed in load_edition_docs(imported):
        page = _words(lxml_html.fromstring(render_page(ed, edition)).text_content())
        missing = [t for t in text_nodes(ed.doc.root) if t not in page]
        assert missing == [], (
            f"{ed.path.name}: {len(missing)} text nodes missing, e.g. {missing[:3]}"
        )
        checked += 1
    assert checked == len(imported)


def test_imported_letters_render_in_the_print_edition(imported: list[Path], tmp_path: Path) -> None:
    import pdfplumber

    from teiedit.builders.pdf import PdfBuilder

    picks = [p for p in imported if p.name.startswith(("example13", "k-0600"))]
    assert len(picks) == 2
    written = PdfBuilder().build(picks, tmp_path / "pdf", load_edition(CASES / "edition"))
    assert len(written) == 3  # one PDF per document and edition.pdf
    for src in picks:
        pdf = next(p for p in written if p.stem == src.stem)
        with pdfplumber.open(pdf) as doc:
            raw = " ".join(page.extract_text() or "" for page in doc.pages)
        text = _words(raw.replace("\u2010\n", "").replace("-\n", ""))  # undo the print edition's hyphenation
        # print shows the corrected reading: the other reading of a choice is not on the page
        words = [w for t in text_nodes(etree.parse(str(src)).getroot(), corrected=True)
                 for w in t.split() if w.isalpha()]
        assert words and all(w in text for w in words), src.name

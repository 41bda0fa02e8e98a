"""Every TEI document of the shared corpora renders with its whole text, on the web and in print: token
recall of its reading text (tests/token_recall.py) of 0.99 or more, per document.

The corpora: ../shared/corpora/external-tei/ (real TEI of other projects) and the TEI reference documents
in ../shared/tei-p5/docs/valid-tei_all/. Each document is rendered on its own, as `teiedit html` and
`teiedit pdf` render TEI from elsewhere, with teiedit's own processing model. Print lays out every
document under 1 MB (an evenly spread sample of 30 in the default test profile, all with TEIEDIT_TESTS=full); the two larger documents (a 490-page novel and a 2 MB chronology) are checked on the
web only, where every one of their words is measured too: their layout alone takes minutes. A register file
(lists of entries and nothing else) has no PDF of its own: its entries feed the book's index.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FULL, bounded
from token_recall import page_text, recall, tei_reading

from teiedit.builders.html import render_page
from teiedit.config import default_settings
from teiedit.diagnostics import TeieditError
from teiedit.edition import Edition, safe_page_names
from teiedit.io import read_tei
from teiedit.registers import is_register
from teiedit.workers import Workers

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = (SHARED / "corpora" / "external-tei", SHARED / "tei-p5" / "docs" / "valid-tei_all")
#: Documents that are not XML a namespace-aware parser accepts (an xml:id that is not a name, an xml:id
#: given twice): teiedit says so and renders nothing.
NOT_READABLE = {"cmif-digital-edition.xml", "xsl-test--test-tree.xml"}
PRINT_LIMIT = 1_000_000  # bytes of XML: larger documents are checked on the web only (see above)
THRESHOLD = 0.99


@dataclass(frozen=True)
class Corpus:
    readable: list[Path]
    unreadable: dict[str, str]


def _corpus() -> Corpus:
    for folder in CORPORA:
        if not folder.is_dir():
            pytest.fail(f"the shared corpus is missing at {folder}")
    readable: list[Path] = []
    unreadable: dict[str, str] = {}
    for folder in CORPORA:
        for path in sorted(folder.rglob("*.xml")):
            try:
                read_tei(path)
            except TeieditError as exc:
                unreadable[path.name] = str(exc)
                continue
            readable.append(path)
    return Corpus(readable, unreadable)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return _corpus()


def test_the_corpora_are_read_or_refused_with_a_clear_error(corpus: Corpus) -> None:
    assert len(corpus.readable) >= 110
    assert set(corpus.unreadable) == NOT_READABLE
    for message in corpus.unreadable.values():
        assert "not well-formed XML" in message and ": fatal:" in message


@pytest.mark.slow  # the whole corpus: 8 MB of TEI
def test_every_document_renders_its_whole_text_on_the_web(corpus: Corpus, tmp_path: Path) -> None:
    settings = default_settings(tmp_path)
    low: dict[str, tuple[float, list[str]]] = {}
    checked = 0
    for ed in Edition.from_files(settings, corpus.readable).inputs():
        r = recall(tei_reading(ed.root), page_text(render_page(ed, settings)))
        if r.ratio < THRESHOLD:
            low[ed.path.name] = (round(r.ratio, 4), r.missing[:8])
        checked += 1
    assert checked == len(corpus.readable)
    assert low == {}


@dataclass(frozen=True)
class Printed:
    pdfs: dict[Path, Path]  # source -> its own PDF
    registers: list[
        Path
    ]  # register files: their entries feed the book's index, no PDF of their own
    web_only: list[Path]


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The PDFs of every readable document under PRINT_LIMIT, laid out once per session."""
    from teiedit.builder import BuildOptions
    from teiedit.builders.pdf import PdfBuilder

    corpus = _corpus()
    small = [p for p in corpus.readable if p.stat().st_size < PRINT_LIMIT]
    large = [p for p in corpus.readable if p.stat().st_size >= PRINT_LIMIT]
    # Laying out every document takes about two minutes of CPU: the default run prints an evenly spread
    # sample of 30 or more (the same each run); TEIEDIT_TESTS=full prints them all.
    small = small[:: max(1, len(small) // bounded(len(small), 30))]
    out = tmp_path_factory.mktemp("printed-corpora")
    edition = Edition.from_files(default_settings(out), small)
    # In this process: a pool's two workers would each start and import WeasyPrint again; a pool lays
    # out the same pages (tests/test_one_bad_document.py compares a serial and a pool layout).
    written = PdfBuilder().build(edition, out / "pdf", BuildOptions(workers=Workers(jobs=1)))
    by_stem = {p.stem: p for p in written}
    pdfs: dict[Path, Path] = {}
    registers: list[Path] = []
    for source, page in zip(small, safe_page_names(small), strict=True):
        if page in by_stem:
            pdfs[source] = by_stem[page]
        else:
            registers.append(source)
    return Printed(pdfs, registers, large)


def pdf_text(pdf: Path, *, pypdf_too: bool = True) -> str:
    """The text of a PDF as two readers give it (pdftotext, also with line-end hyphens joined, and
    pypdf): a word counts as printed when one of them reads it. Without ``pypdf_too``, pdftotext's alone
    (a part of that text: whatever recall it reaches, the whole text reaches at least as much)."""
    import pypdf

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    joined = text.replace("\u2010\n", "").replace("-\n", "").replace("\xad\n", "")
    if not pypdf_too:
        return "\n".join((text, joined))
    other = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages)
    return "\n".join((text, joined, other))


@pytest.mark.slow  # lays out about 110 documents
def test_every_document_prints_its_whole_text(printed: Printed) -> None:
    from lxml import etree

    assert len(printed.pdfs) >= (100 if FULL else 25)
    web_only = [p for p in printed.web_only if not is_register(etree.parse(str(p)).getroot())]
    assert all(p.stat().st_size >= PRINT_LIMIT for p in web_only) and len(web_only) == 2
    for source in printed.registers:
        assert is_register(etree.parse(str(source)).getroot()), f"{source.name} has no PDF"
    low: dict[str, tuple[float, list[str]]] = {}
    for source, pdf in printed.pdfs.items():
        reading = tei_reading(etree.parse(str(source)).getroot())
        # pypdf (slow: pure Python) is asked only when pdftotext's text falls short: recall only grows
        # with more text (tokens are counted, not aligned), so a document pdftotext's text passes, the
        # text of both readers passes too, and one it fails gets the verdict of both readers' text.
        r = recall(reading, pdf_text(pdf, pypdf_too=False), printed=True)
        if r.ratio < THRESHOLD:
            r = recall(reading, pdf_text(pdf), printed=True)
        if r.ratio < THRESHOLD:
            low[source.name] = (round(r.ratio, 4), r.missing[:8])
    assert low == {}

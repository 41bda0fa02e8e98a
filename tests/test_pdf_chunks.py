"""A long document laid out in chunks (builders/pdf/chunks.py) gives the pages of one layout: the same
page count, the same text on every page, the anchors on the same pages, links and outline kept."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from conftest import FIXED_EPOCH
from lxml import etree
from pypdf import PdfReader

from teiedit.builders.pdf import chunks
from teiedit.builders.pdf.cache import PartCache
from teiedit.builders.pdf.layout import Layout, lay_out
from teiedit.builders.pdf.plan import plan
from teiedit.config import default_settings
from teiedit.edition import Edition

pytestmark = pytest.mark.slow

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Small enough for the default test run: six chapters of about two pages each.
CHAPTERS = 6


def _novel(folder: Path) -> Path:
    """A synthetic novel: chapters of numbered paragraphs, each chapter with a footnote."""
    tei = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    tei.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    header = etree.SubElement(tei, f"{{{TEI_NS}}}teiHeader")
    file_desc = etree.SubElement(header, f"{{{TEI_NS}}}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{{{TEI_NS}}}titleStmt")
    etree.SubElement(title_stmt, f"{{{TEI_NS}}}title").text = "The Long Winter of the Mills"
    pub = etree.SubElement(file_desc, f"{{{TEI_NS}}}publicationStmt")
    etree.SubElement(pub, f"{{{TEI_NS}}}p").text = "Test fixture."
    src = etree.SubElement(file_desc, f"{{{TEI_NS}}}sourceDesc")
    etree.SubElement(src, f"{{{TEI_NS}}}p").text = "Written for the test."
    body = etree.SubElement(etree.SubElement(tei, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    for c in range(1, CHAPTERS + 1):
        div = etree.SubElement(body, f"{{{TEI_NS}}}div", type="chapter")
        etree.SubElement(div, f"{{{TEI_NS}}}head").text = f"Chapter {c}"
        for n in range(1, 13):
            p = etree.SubElement(div, f"{{{TEI_NS}}}p")
            p.text = f"Paragraph {c}.{n}: " + " ".join(
                f"the looms of mill {c} ran on shift {k} through the winter night" for k in range(6)
            )
            if n == 3:
                note = etree.SubElement(p, f"{{{TEI_NS}}}note", place="foot")
                note.text = f"A note to chapter {c}."
                note.tail = " and the text goes on."
    path = folder / "long-winter.xml"
    etree.ElementTree(tei).write(str(path), xml_declaration=True, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> chunks.PrintJob:
    folder = tmp_path_factory.mktemp("novel")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        printed = plan(Edition.from_files(default_settings(folder), [_novel(folder)]))
    (only,) = printed.jobs
    assert chunks.LONG_CLASS not in only.html  # a short text for the edition's thresholds
    marked = chunks.mark_long(only.html, long=10_000)
    return chunks.PrintJob(only.output, marked, only.attachments, only.title, epoch=only.epoch)


def _page_texts(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_chunks_are_runs_of_whole_chapters(job: chunks.PrintJob) -> None:
    parts = chunks.split_job(job, chunk=15_000)
    assert 2 <= len(parts) < CHAPTERS
    assert parts[0].attachments == job.attachments and not parts[1].attachments
    heads = [part.html.count('<section class="tei-div') for part in parts]
    assert sum(heads) == CHAPTERS and all(heads)
    assert chunks.split_job(job, chunk=10**9) == [job]


def test_chunked_layout_gives_the_pages_of_one_layout(job: chunks.PrintJob) -> None:
    one = lay_out(job)
    parts = chunks.split_job(job, chunk=15_000)
    assert len(parts) >= 2
    with Layout(workers=2) as layout:
        laid = PartCache(None, "").run(layout, parts)
    joined = chunks.join(job.output, [laid[p.output] for p in parts])
    assert joined.pages == one.pages == len(PdfReader(io.BytesIO(joined.pdf)).pages)
    assert one.pages >= CHAPTERS * 2
    assert _page_texts(joined.pdf) == _page_texts(one.pdf)
    assert joined.anchors == one.anchors
    with pikepdf.open(io.BytesIO(joined.pdf)) as pdf:
        with pdf.open_outline() as outline:
            (title,) = outline.root  # one entry, the document, with its chapters under it
            assert [c.title for c in title.children] == [f"Chapter {c}" for c in range(1, 7)]
        dests = set(pikepdf.NameTree(pdf.Root.Names.Dests).keys())
        assert {f"{a}" for a in one.anchors} <= dests
        assert len(pdf.attachments) == 1
        kinds = [str(k.S) for k in pdf.Root.StructTreeRoot.K[0].K]
        assert len(kinds) >= one.pages


def test_the_print_build_lays_out_a_long_text_in_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the builder: the document's own PDF has the pages of the chunks, every note linked."""
    from teiedit.builder import BuildOptions
    from teiedit.builders.pdf import PdfBuilder

    monkeypatch.setattr(chunks, "LONG", 10_000)
    monkeypatch.setattr(chunks, "CHUNK", 15_000)
    monkeypatch.setattr(chunks.mark_long, "__defaults__", (10_000,))
    monkeypatch.setattr(chunks.split_job, "__defaults__", (15_000,))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    said: list[str] = []
    options = BuildOptions(progress=said.append)
    written = PdfBuilder().build(
        Edition.from_files(default_settings(tmp_path), [_novel(tmp_path)]),
        tmp_path / "pdf",
        options,
    )
    assert any("(part 2 of" in s for s in said)
    own = next(p for p in written if p.name == "long-winter.pdf")
    texts = _page_texts(own.read_bytes())
    assert [sum(f"Chapter {c}" in t for t in texts) for c in range(1, 7)] == [1] * CHAPTERS

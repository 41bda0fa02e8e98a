"""The accessible print edition, read back from the PDFs: notes linked both ways and numbered once, the
structure tree (PDF/UA-1 and PDF/A-3a declared, headings, tables, links with a description, the language
of each passage), and the folios marked as pagination artefacts.

No PDF/UA validator can be installed offline here (veraPDF is neither on PyPI nor in Debian; pikepdf's
validator checks PDF/A-1b to 3b only), so the structure tree is checked with pikepdf.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from conftest import CASES, FIXED_EPOCH
from pikepdf import Name
from pypdf import PdfReader
from test_pdf import DOCS, REGISTERS, render

pytestmark = pytest.mark.slow

ACCESS = CASES / "pdf-access" / "languages.xml"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf-access") / "pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        render([*DOCS, ACCESS, *REGISTERS], folder)
    return folder


def _links(pdf: Path) -> list[tuple[int, str, int]]:
    """Every internal link: (its page, the destination's name, the destination's page), 0-based."""
    reader = PdfReader(pdf)
    dests = reader.named_destinations
    found = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if "/Dest" in annot:
                name = str(annot["/Dest"])
                found.append((number, name, reader.get_destination_page_number(dests[name])))
    return found


@pytest.mark.parametrize("pdf_name", ["edition.pdf", "languages.pdf"])
def test_every_note_call_links_to_its_note_and_the_note_back(out: Path, pdf_name: str) -> None:
    links = _links(out / pdf_name)
    calls = {name: (page, target) for page, name, target in links if re.search(r"-note-\d+$", name)}
    backs = {
        name.removesuffix("-call"): (page, target)
        for page, name, target in links
        if name.endswith("-call")
    }
    # the letter's three footnotes and the report's and this document's (two)
    assert len(calls) >= (6 if pdf_name == "edition.pdf" else 2)
    assert set(calls) == set(backs)
    for name, (call_page, note_page) in calls.items():
        back_page, call_target = backs[name]
        assert (note_page, back_page, call_target) == (call_page, call_page, call_page), name


def test_notes_are_numbered_once(out: Path) -> None:
    """The note's number is printed once: at the foot ("1. The card"), and a note of the source that
    opens with its own number keeps that one only ("3 The source's", not "3. 3 The source's")."""
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(out / "languages.pdf").pages
    )
    assert text.count("1. The card is kept") == 1
    assert text.count("2. On the back") == 1
    assert text.count("3 The source's third note") == 1
    assert not re.search(r"(\d+)\.? \1\.? ", text)


def _elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element of the PDF, in tree order."""
    root = pdf.Root.StructTreeRoot
    out: list[pikepdf.Dictionary] = []
    todo = list(root.K) if isinstance(root.K, pikepdf.Array) else [root.K]
    while todo:
        el = todo.pop(0)
        if not isinstance(el, pikepdf.Dictionary) or el.get(Name.Type) == Name.OBJR:
            continue
        out.append(el)
        kids = el.get(Name.K)
        if isinstance(kids, pikepdf.Array):
            todo[:0] = list(kids)
        elif isinstance(kids, pikepdf.Dictionary):
            todo.insert(0, kids)
    return out


@pytest.mark.parametrize("pdf_name", ["edition.pdf", "languages.pdf", "bulletin-quotas-03.pdf"])
def test_the_pdf_is_tagged_and_declares_pdf_ua_and_pdf_a(out: Path, pdf_name: str) -> None:
    with pikepdf.open(out / pdf_name) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert bool(pdf.Root.MarkInfo.Marked) and bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "A")
        assert meta["dc:title"]
        elements = _elements(pdf)
        kinds = [str(e.S) for e in elements]
        assert kinds[0] == "/Document" and "/H1" in kinds and "/P" in kinds
        pages = {p.obj.objgen for p in pdf.pages}
        assert all(e.Pg.objgen in pages for e in elements if Name.Pg in e)
        # every page's marked content and every link is found through the parent tree
        tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        keys = {int(tree[i]) for i in range(0, len(tree), 2)}
        links = [a for p in pdf.pages for a in p.get(Name.Annots) or [] if a.Subtype == Name.Link]
        assert links
        for annot in links:
            # a description for a reader, never the target's id (WeasyPrint's own /Contents)
            assert int(annot.StructParent) in keys and str(annot.Contents)
            assert str(annot.Contents) != str(annot.get(Name.Dest, ""))
            if re.search(r"-note-\d+$", str(annot.get(Name.Dest, ""))):
                assert re.fullmatch(r"Note \w+", str(annot.Contents))
        assert all(int(p.StructParents) in keys for p in pdf.pages if Name.StructParents in p)
        assert sum(1 for p in pdf.pages if Name.StructParents in p) >= len(pdf.pages) - 2


def test_the_book_holds_every_part_in_one_tree(out: Path) -> None:
    """The book's tree holds the front matter's, every document's and the index's elements: a heading for
    each document (H1) and the index, and the tables of the documents."""
    with pikepdf.open(out / "edition.pdf") as pdf:
        elements = _elements(pdf)
        assert [str(e.S) for e in elements].count("/Document") == 1
        h1 = [e for e in elements if e.S == Name.H1]
        assert len(h1) >= len(DOCS)  # the title page's, and one per chapter
        assert any(e.S == Name.Table for e in elements)
        assert any(e.S == Name.TH for e in elements)
        pages_with_tags = {e.Pg.objgen for e in elements if Name.Pg in e}
        marked = {p.obj.objgen for p in pdf.pages if Name.StructParents in p}
        assert pdf.pages[-1].obj.objgen in marked  # the index's last page
        assert pages_with_tags == marked


def test_passages_in_other_languages_are_declared(out: Path) -> None:
    with pikepdf.open(out / "languages.pdf") as pdf:
        langs = {str(e.Lang) for e in _elements(pdf) if Name.Lang in e}
    assert {"ru", "ar"} <= langs


def test_folios_are_pagination_artefacts(out: Path) -> None:
    with pikepdf.open(out / "edition.pdf") as pdf:
        stamped = 0
        for page in pdf.pages:
            ops = pikepdf.parse_content_stream(page)
            for i, (operands, op) in enumerate(ops):
                if str(op) == "Do" and str(operands[0]).startswith("/Folio"):
                    stamped += 1
                    opened = sum(str(o[1]) in ("BDC", "BMC") for o in ops[:i])
                    closed = [str(o[1]) for o in ops[:i]].count("EMC")
                    assert opened > closed and str(ops[i - 1][0][0]) == "/Artifact"
        assert stamped >= len(pdf.pages) - 3  # the title page, its verso, a blank page

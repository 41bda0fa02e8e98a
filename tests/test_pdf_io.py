"""A laid-out PDF is read and written in one place (builders/pdf/pdf_io.py): the same document saves to
the same bytes, and no other module of the package opens or saves a PDF with pikepdf itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pikepdf

import teiedit
from teiedit.builders.pdf.pdf_io import open_pdf, save_pdf

PACKAGE = Path(teiedit.__file__).resolve().parent


def _two_pages() -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 300))
    pdf.add_blank_page(page_size=(300, 200))
    return save_pdf(pdf)


def test_the_same_document_saves_to_the_same_bytes() -> None:
    data = _two_pages()
    assert data.startswith(b"%PDF-") and data == _two_pages()
    again = open_pdf(data)
    assert [tuple(float(v) for v in p.mediabox) for p in again.pages] == [
        (0, 0, 200, 300),
        (0, 0, 300, 200),
    ]
    assert save_pdf(again) == save_pdf(open_pdf(data))  # opened and saved again: the same bytes


def _pdf_calls(path: Path) -> list[str]:
    """The calls in ``path`` (a module that imports pikepdf) that open a PDF (``pikepdf.open``) or
    save one (``.save``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            opens = (
                isinstance(owner, ast.Name) and owner.id == "pikepdf" and node.func.attr == "open"
            )
            if opens or node.func.attr == "save":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_only_pdf_io_opens_and_saves_pdfs() -> None:
    users = [p for p in sorted(PACKAGE.rglob("*.py")) if "pikepdf" in p.read_text(encoding="utf-8")]
    assert {p.name for p in users} >= {"assembly.py", "numbers.py", "pdf_io.py"}
    calls = [c for p in users for c in _pdf_calls(p)]
    assert calls and all(c.startswith("builders/pdf/pdf_io.py:") for c in calls), calls

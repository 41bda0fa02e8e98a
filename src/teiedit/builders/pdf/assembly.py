"""Assembly: the laid-out parts become the book and the per-document PDFs. With builders/pdf/structure.py
(the joined structure tree), builders/pdf/numbers.py with glyphs.py (page numbers written into slots)
and builders/pdf/pdf_io.py (a PDF's bytes opened and saved), the only modules that import pikepdf.

WeasyPrint lays out every part of the print edition once (builders/pdf/layout.py). Here the pages are
put in book order, the folios (page numbers, running heads; builders/pdf/folios.py) are stamped on them as
form XObjects, and what a reader navigates by is rebuilt for the whole: the named destinations that links
point at and the outline (bookmarks). The front matter's PDF is the base of the book, so the book keeps
what WeasyPrint wrote there: PDF/A-3a metadata and the document information. The TEI files are attached
here (:func:`attach`), to the book and to each document's PDF, not by WeasyPrint: a laid-out part never
holds them, so it is kept as long as what it prints is unchanged (builders/pdf/cache.py).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf

from teiedit.builders.pdf.attached import TEI_MEDIA_TYPE, AttachedFile, pdf_date
from teiedit.builders.pdf.folios import Stamp
from teiedit.builders.pdf.numbers import NumberedForms
from teiedit.builders.pdf.pdf_io import open_pdf, save_pdf
from teiedit.builders.pdf.structure import StructureJoin, declare_accessible


@dataclass(frozen=True)
class Piece:
    """Pages of a laid-out part that go into the book: the first ``pages`` pages of ``pdf`` (the pages
    after them hold link targets that belong to other parts)."""

    pdf: bytes
    pages: int


#: A blank page in the book (the index opens on a right-hand page).
BLANK: None = None


class FolioSheets:
    """The laid-out folios, addressed by :class:`folios.Stamp`: the folios laid out as they are
    (``pdfs``) and the templates (``templates``, laid out with ``slot`` for the number, and a head
    that ends with ``tails[i]``'s slots for the pages it names; every slot is looked up here,
    numbers.SlotError if one is not found). Or, instead of the templates, each (template, number,
    pages) laid out as it is: ``numbered`` (PDFs) and where each is (``numbered_at``)."""

    def __init__(
        self,
        pdfs: Sequence[bytes],
        templates: Sequence[bytes] = (),
        slot: str = "",
        numbered: Sequence[bytes] = (),
        numbered_at: dict[tuple[int, str, tuple[str, ...]], int] | None = None,
        tails: Sequence[str] = (),
    ) -> None:
        self._whole = _Pages(pdfs)
        self._templates = _Pages(templates, digits=True)
        self._numbers = NumberedForms(slot, tails)
        self._numbered = _Pages(numbered)
        self._numbered_at = numbered_at
        if numbered_at is None:
            for index in range(self._templates.count):
                self._numbers.check(index, self._templates.page(index))

    def form(self, pdf: Pdf, stamp: Stamp) -> pikepdf.Object:
        """The folio of ``stamp`` as a form XObject of ``pdf``."""
        if not stamp.template:
            return pdf.copy_foreign(self._whole.page(stamp.index).as_form_xobject())
        if self._numbered_at is not None:
            at = self._numbered_at[(stamp.index, stamp.number, stamp.pages)]
            return pdf.copy_foreign(self._numbered.page(at).as_form_xobject())
        template = self._templates.page(stamp.index)
        return self._numbers.form(
            pdf, stamp.index, template, stamp.number, stamp.align, stamp.pages
        )


class _Pages:
    """The pages of several PDFs, addressed by one running number across all of them (with
    ``digits``, the last page of each PDF, which only holds every digit for its fonts, is left out)."""

    def __init__(self, pdfs: Sequence[bytes], digits: bool = False) -> None:
        self._pdfs = [open_pdf(p) for p in pdfs]
        self._starts: list[int] = []
        total = 0
        for pdf in self._pdfs:
            self._starts.append(total)
            total += len(pdf.pages) - (1 if digits else 0)
        self.count = total

    def page(self, index: int) -> pikepdf.Page:
        for start, pdf in zip(reversed(self._starts), reversed(self._pdfs), strict=True):
            if index >= start:
                return pdf.pages[index - start]
        raise IndexError(index)


def _stamp(
    pdf: Pdf, page: pikepdf.Page, folios: Sequence[Stamp | None], at: int, sheets: FolioSheets
) -> None:
    """Draw folio ``folios[at]`` over the page, as a form XObject named after the folio (so the same
    parts give the same bytes). Folio pages have the size of the book's pages: no scaling."""
    stamp = folios[at] if at < len(folios) else None
    if stamp is None:
        return
    form = sheets.form(pdf, stamp)
    name = page.add_resource(form, Name.XObject, Name(f"/Folio{stamp.name}"))
    page.contents_add(b"q\n", prepend=True)  # the page's own graphics state ends before the folio
    # A page number and running head are pagination artefacts: a tagged PDF's reader skips them.
    page.contents_add(
        b"Q\nq /Artifact <</Type /Pagination>> BDC " + str(name).encode() + b" Do EMC Q\n"
    )


def attach(pdf: Pdf, files: Sequence[AttachedFile], epoch: int | None) -> None:
    """Embed ``files`` as PDF/A-3 associated files: each file specification (AFRelationship /Source, a
    checksum, dates from ``epoch``) is named in the catalog's EmbeddedFiles and listed in its AF array."""
    if not files:
        return
    when = pdf_date(epoch)
    tree = pikepdf.NameTree.new(pdf)
    associated = Array()
    for f in files:
        spec = pikepdf.AttachedFileSpec(
            pdf,
            f.data,
            description=f.description,
            filename=f.name,
            mime_type=TEI_MEDIA_TYPE,
            creation_date=when,
            mod_date=when,
            relationship=Name.Source,
        )
        obj = pdf.make_indirect(spec.obj)  # one object, named in the tree and listed in AF
        tree[f.name] = obj
        associated.append(obj)
    if Name.Names not in pdf.Root:
        pdf.Root.Names = pdf.make_indirect(Dictionary())
    pdf.Root.Names.EmbeddedFiles = tree.obj
    pdf.Root.AF = associated


def stamp(
    pdf_bytes: bytes,
    folios: Sequence[Stamp | None],
    sheets: FolioSheets,
    first_number: int = 1,
    files: Sequence[AttachedFile] = (),
    epoch: int | None = None,
) -> bytes:
    """A PDF with folio ``folios[i]`` stamped on its page i (None: nothing) and ``files`` attached;
    viewers number its pages from ``first_number`` (a document's own PDF keeps the page numbers it
    has in the book)."""
    pdf = open_pdf(pdf_bytes)
    attach(pdf, files, epoch)
    for at, page in enumerate(pdf.pages):
        _stamp(pdf, page, folios, at, sheets)
    if first_number != 1:
        pdf.Root.PageLabels = pdf.make_indirect(
            Dictionary(Nums=Array([0, Dictionary(S=Name.D, St=first_number)]))
        )
    declare_accessible(pdf)
    return save_pdf(pdf)


def assemble(
    front: Piece,
    parts: Sequence[Piece | None],
    folios: Sequence[Stamp | None],
    sheets: FolioSheets,
    nest: bool = False,
    files: Sequence[AttachedFile] = (),
    epoch: int | None = None,
) -> bytes:
    """The book: the front matter, then ``parts`` in order (None: a blank page), folio ``folios[i]``
    stamped on book page i, ``files`` attached. Named destinations and the outline are gathered from
    all parts; where two parts define the same name, the first keeps it. With ``nest`` (the chunks of
    one document), the later parts' outline items go under the first part's last top-level item (the
    document's title)."""
    book = open_pdf(front.pdf)
    attach(book, files, epoch)
    size = pikepdf.Rectangle(book.pages[0].mediabox)
    dests: dict[str, Array] = {}
    outline: list[OutlineItem] = []
    front_local = _page_index(book)
    front_items = _outline_of(book, front_local, front.pages, 0)
    _gather_dests(book, front_local, front.pages, 0, book, dests)
    del book.pages[front.pages :]
    structure = StructureJoin(book)
    structure.add(book, front.pages, 0)
    outline.extend(front_items)
    opened = []
    for part in parts:
        if part is BLANK:
            book.add_blank_page(page_size=(size.width, size.height))
            continue
        src = open_pdf(part.pdf)
        opened.append(src)
        offset = len(book.pages)
        local = _page_index(src)
        with warnings.catch_warnings():  # named destinations are rebuilt below, for the whole book
            warnings.simplefilter("ignore", pikepdf.exceptions.PageCopyWarning)
            book.pages.extend(src.pages[: part.pages])
        _gather_dests(src, local, part.pages, offset, book, dests)
        items = _outline_of(src, local, part.pages, offset)
        (outline[-1].children if nest and outline else outline).extend(items)
        structure.add(src, part.pages, offset)
    for at, page in enumerate(book.pages):
        _stamp(book, page, folios, at, sheets)
    _set_dests(book, dests)
    _set_outline(book, outline)
    structure.write()
    declare_accessible(book)
    return save_pdf(book)


def _page_index(pdf: Pdf) -> dict[tuple[int, int], int]:
    """Page object -> 0-based page index: destinations and outline items name pages by object."""
    return {p.obj.objgen: i for i, p in enumerate(pdf.pages)}


# -- named destinations -------------------------------------------------------------------------------


def _named_dests(pdf: Pdf) -> Iterator[tuple[str, Array]]:
    names = pdf.Root.get(Name.Names)
    if names is None or Name.Dests not in names:
        return
    for name, dest in pikepdf.NameTree(names.Dests).items():
        # a destination is an array, or a dictionary holding it under /D
        target = dest.get(Name.D) if isinstance(dest, Dictionary) else dest
        if isinstance(target, Array) and len(target) >= 2:
            yield str(name), target


def _gather_dests(
    src: Pdf,
    local: dict[tuple[int, int], int],
    kept: int,
    offset: int,
    book: Pdf,
    dests: dict[str, Array],
) -> None:
    """Add ``src``'s named destinations on its first ``kept`` pages (``local``: page object -> index), moved
    to book page offset + i."""
    for name, dest in _named_dests(src):
        i = local.get(dest[0].objgen)
        if i is None or i >= kept or name in dests:
            continue
        dests[name] = Array([book.pages[offset + i].obj, *list(dest)[1:]])


def _set_dests(book: Pdf, dests: dict[str, Array]) -> None:
    if Name.Names not in book.Root:
        book.Root.Names = book.make_indirect(Dictionary())
    tree = pikepdf.NameTree.new(book)
    for name in sorted(dests):
        tree[name] = dests[name]
    book.Root.Names.Dests = tree.obj


# -- outline --------------------------------------------------------------------------------------------


def _outline_of(
    src: Pdf, local: dict[tuple[int, int], int], kept: int, offset: int
) -> list[OutlineItem]:
    """``src``'s outline items that point at its first ``kept`` pages, as new items pointing at book
    page offset + i (children kept)."""

    def convert(item: OutlineItem) -> OutlineItem | None:
        dest = item.destination
        if not isinstance(dest, Array) or not len(dest):
            return None
        i = local.get(dest[0].objgen)
        if i is None or i >= kept:
            return None
        left = float(dest[2]) if len(dest) > 3 and dest[2] is not None else None
        top = float(dest[3]) if len(dest) > 3 and dest[3] is not None else None
        new = OutlineItem(item.title, offset + i, "XYZ", left=left, top=top)
        new.children.extend(c for c in map(convert, item.children) if c is not None)
        return new

    with src.open_outline() as ol:
        return [c for c in map(convert, ol.root) if c is not None]


def _set_outline(book: Pdf, items: list[OutlineItem]) -> None:
    with book.open_outline() as ol:
        ol.root.clear()
        ol.root.extend(items)

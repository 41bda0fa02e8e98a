"""The structure tree (tagged PDF) of a PDF put together from laid-out parts, and the declarations of an
accessible archival PDF (PDF/A-3a and PDF/UA-1).

WeasyPrint writes each part as a tagged PDF: a structure tree (a Document element holding, page by page,
headings, paragraphs, links, tables, figures) whose marked content the pages' /StructParents and the
links' /StructParent find through the parent tree. When the book is made of several parts (and a long
document of several chunks), those trees are joined here into one: every part's elements on the pages
the book keeps go under one Document element, and the parent tree is numbered again for the book's pages
and links. Pages that are left out (a part's link sink) take their elements with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

#: Where PDF/UA's identification lives in the XMP metadata.
PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"


@dataclass
class StructureJoin:
    """Gathers the structure of the parts of a book as their pages are added, then writes the tree."""

    book: Pdf
    kids: list[pikepdf.Object] = field(default_factory=list)
    #: What holds a parent-tree number (a page, a link) and the value under that number, in order.
    entries: list[tuple[pikepdf.Object, Name]] = field(default_factory=list)
    values: list[pikepdf.Object] = field(default_factory=list)

    def add(self, src: Pdf, kept: int, offset: int) -> None:
        """Take ``src``'s structure on its first ``kept`` pages, which are the book's pages from
        ``offset`` on (already added: ``src`` is the book itself, or its pages were copied)."""
        root = src.Root.get(Name.StructTreeRoot)
        if root is None:
            return
        numbers = parent_tree(root)
        kept_pages = {src.pages[i].obj.objgen for i in range(kept)}
        top = [
            kid
            for doc in _elements(root.get(Name.K))
            for kid in _elements(doc.get(Name.K))
            if kid.get(Name.Pg) is not None and kid.Pg.objgen in kept_pages
        ]
        foreign = src is not self.book
        for kid in top:
            if foreign:  # the copy must not climb to src's Document, its root and every other page
                del kid[Name.P]
        self.kids.extend(self._copy(kid) if foreign else kid for kid in top)
        for i in range(kept):
            page = self.book.pages[offset + i].obj
            holders: list[tuple[pikepdf.Object, Name]] = [(page, Name.StructParents)]
            holders += [(annot, Name.StructParent) for annot in page.get(Name.Annots) or []]
            for holder, name in holders:
                key = holder.get(name)
                if key is not None and int(key) in numbers:
                    value = numbers[int(key)]
                    self.entries.append((holder, name))
                    self.values.append(self._copy(value) if foreign else value)

    def _copy(self, obj: pikepdf.Object) -> pikepdf.Object:
        """A foreign object in the book; the same object is copied once (qpdf keeps the mapping per
        source, so a structure element's page is the page the book already copied)."""
        if isinstance(obj, Array) and not obj.is_indirect:
            return Array([self._copy(item) for item in obj])
        return self.book.copy_foreign(obj) if obj.is_indirect else obj

    def write(self) -> None:
        """Replace the book's structure tree with the joined one (nothing when no part was tagged)."""
        if not self.kids and not self.entries:
            return
        book = self.book
        root = book.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = book.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array(self.kids))
        )
        for kid in self.kids:
            kid[Name.P] = document
        nums = Array()
        for number, ((holder, name), value) in enumerate(
            zip(self.entries, self.values, strict=True)
        ):
            holder[name] = number
            nums.append(number)
            nums.append(value)
        root[Name.K] = Array([document])
        root[Name.ParentTree] = book.make_indirect(Dictionary(Nums=nums))
        root[Name.ParentTreeNextKey] = len(self.entries)
        book.Root[Name.StructTreeRoot] = root
        book.Root[Name.MarkInfo] = Dictionary(Marked=True)


def _elements(k: pikepdf.Object | None) -> list[pikepdf.Object]:
    """The structure elements among a /K value (an element, or an array of them and of content)."""
    if k is None:
        return []
    items = list(k) if isinstance(k, Array) else [k]
    return [i for i in items if isinstance(i, Dictionary) and i.get(Name.Type) != Name.OBJR]


def parent_tree(root: pikepdf.Object) -> dict[int, pikepdf.Object]:
    """The parent tree as a dict (WeasyPrint writes it flat; kids are read too)."""
    out: dict[int, pikepdf.Object] = {}
    tree = root.get(Name.ParentTree)
    todo = [tree] if tree is not None else []
    while todo:
        node = todo.pop()
        nums = node.get(Name.Nums)
        if nums is not None:
            for i in range(0, len(nums) - 1, 2):
                out[int(nums[i])] = nums[i + 1]
        todo.extend(node.get(Name.Kids) or [])
    return out


def declare_accessible(pdf: Pdf) -> None:
    """Declare PDF/UA-1 beside PDF/A in the XMP metadata of a tagged PDF with a language and a title."""
    if Name.StructTreeRoot not in pdf.Root:
        return
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.register_xml_namespace(PDFUA_NS, "pdfuaid")
        meta["pdfuaid:part"] = "1"

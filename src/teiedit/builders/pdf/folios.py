"""Folios: the page number and running head of every page of the print edition.

The parts of the book (front matter, each document, the index) are laid out without them, each once and
in parallel, because where a part lands in the book is known only when the parts before it are laid out.
Afterwards every page gets a :class:`Folio`; :func:`folio_html` turns a run of folios into an HTML
document of empty pages whose margins hold them (styled by xslt/css/folio.css), which WeasyPrint lays out
and builders/pdf/assembly.py stamps on the pages.

The rules are those of a printed book: right-hand (recto) pages have odd numbers; a left-hand page shows
its number outside and the edition's short title, a right-hand page the title of its document or section
and its number; the page that opens a document or the index shows only its number, at the foot; the title
page and blank pages show nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

NONE, VERSO, RECTO, OPENING, OFFPRINT = "none", "verso", "recto", "opening", "offprint"


@dataclass(frozen=True)
class Folio:
    kind: str  # one of NONE, VERSO, RECTO, OPENING, OFFPRINT
    number: str = ""
    head: str = ""
    #: the pages the head names after it (a document's own first page: its first and last page in the
    #: book, or its one page); see :attr:`heading`
    pages: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The head as printed: with the pages it names (``Dossier, pp. 7–10``)."""
        return f"{self.head}, {page_range(self.pages)}" if self.pages else self.head


def page_range(pages: tuple[str, ...]) -> str:
    """``p. 7`` (one page) or ``pp. 7–10`` (its first and last page)."""
    return f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}\u2013{pages[-1]}"


BLANK = Folio(NONE)

#: The kinds of folio laid out once per running head, as a template with a slot for the number, and
#: where the number stands in its slot; builders/pdf/numbers.py writes each page's number in when the
#: folio is stamped, so pages that only moved need no layout. A document's own first page names its
#: pages in its head: they are slots too (its template's head ends ``pp. 000–000``), so a document
#: that grows changes no layout of the first pages after it.
ALIGN = {VERSO: "left", RECTO: "right", OPENING: "center", OFFPRINT: "center"}
#: Every digit, on a page after the templates: the font then has each glyph a number needs.
DIGITS = "0123456789"


@dataclass(frozen=True)
class Stamp:
    """What is stamped on a page: laid-out folio ``index`` (of the templates when ``template``, with
    ``number`` written over the slot, aligned by ``align``; else of the folios laid out as they are)."""

    index: int
    template: bool = False
    number: str = ""
    align: str = ""
    pages: tuple[str, ...] = ()  # written over the slots at the end of the template's head

    @property
    def name(self) -> str:
        """A name for the stamped form, the same for the same folio (so the same parts give the same
        bytes)."""
        if not self.template:
            return str(self.index)
        return f"T{self.index}N{self.number}" + "".join(f"P{p}" for p in self.pages)


def running(number: int, edition_head: str, own_head: str) -> Folio:
    """A page inside a document or section: left or right by its number."""
    if number % 2 == 0:
        return Folio(VERSO, str(number), edition_head)
    return Folio(RECTO, str(number), own_head)


def section(
    first: int, count: int, edition_head: str, own_head: str, opening: bool = True
) -> list[Folio]:
    """The folios of ``count`` pages numbered from ``first``; the first page opens the section when
    ``opening`` (a document, the index), else it is an ordinary page (a section of the front matter)."""
    folios = [running(first + i, edition_head, own_head) for i in range(count)]
    if opening and folios:
        folios[0] = Folio(OPENING, str(first))
    return folios


def offprint_first(first: int, last: int, edition_title: str) -> Folio:
    """The first page of a document's own PDF: it names the edition and the pages it has there."""
    pages = (str(first),) if first == last else (str(first), str(last))
    return Folio(OFFPRINT, str(first), edition_title, pages)


def folio_html(folios: list[Folio]) -> str:
    """An HTML document with one empty page per folio, for WeasyPrint."""
    pages = "".join(
        f'<div class="folio folio-{f.kind}" data-number="{escape(f.number)}" data-head="{escape(f.heading)}"></div>'
        for f in folios
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/><title>Folios</title>'
        '<link rel="stylesheet" href="print.css"/><link rel="stylesheet" href="folio.css"/></head>'
        f"<body>{pages}</body></html>"
    )

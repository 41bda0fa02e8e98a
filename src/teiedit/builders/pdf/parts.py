"""The book's paged HTML cut into parts that are laid out separately, and the page numbers written into
the parts that print them (the contents and the index).

xslt/print/edition.xsl makes the whole book as one HTML document: title page and front matter, one
``article.document`` per document, the index. :func:`split_book` cuts it into a front part, one part per
document and an index part, each a complete HTML document with the book's head. The contents and the
index link to targets in other parts, which WeasyPrint would drop, so :func:`with_link_sink` adds those
targets on pages of their own at the end of the part; the assembly leaves those pages out. A document's
part gets no such pages (xslt/print makes no links between documents): its PDF is exactly its pages.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection
from dataclasses import dataclass

from lxml import etree
from lxml import html as lhtml

#: The id of the section that holds the link targets of other parts (see print.css ``.link-sink``).
SINK_ID = "link-sink"
#: A number at least as wide as any page number, for laying out the contents before the numbers are known.
PLACEHOLDER = "8888"
#: libxml2's HTML parser stops at a depth of 256 by default and silently drops the rest of the document;
#: a deeply nested document from elsewhere (which io.py lets through up to 2,048 levels) would lose its
#: text in print. ``huge_tree`` lifts the limit to io.py's.
_PARSER = lhtml.HTMLParser(huge_tree=True)


def parse_html(text: str) -> etree._Element:
    """The root of an HTML document of the book, however deeply nested."""
    return lhtml.document_fromstring(text, parser=_PARSER)


@dataclass(frozen=True)
class Chapter:
    """A document of the book: its id, its running head, its article as a standalone HTML document."""

    id: str
    running_head: str
    html: str


@dataclass(frozen=True)
class BookParts:
    front: str  # title page, conventions, contents (contents numbers: PLACEHOLDER)
    front_sections: list[
        tuple[str, str]
    ]  # (id, title) of the front matter's sections after the title page
    chapters: list[Chapter]
    index: str | None  # the index (locators not yet filled)
    index_title: str


def html_text(doc: etree._Element) -> str:
    text: str = lhtml.tostring(doc, encoding="unicode")
    return "<!DOCTYPE html>\n" + text


def _main(doc: etree._Element) -> etree._Element:
    found = doc.xpath("//main")
    return found[0] if found else doc.find("body")


def _with_content(doc: etree._Element, content: list[etree._Element]) -> etree._Element:
    """A copy of the book's HTML document whose main element holds only ``content``."""
    shell = parse_html(
        lhtml.tostring(doc.find("head"), encoding="unicode")
        + "<body><main id='main'></main></body>"
    )
    for name in ("lang", "dir"):  # the PDF's language (and a tagged PDF's) is the root's
        if doc.get(name):
            shell.set(name, doc.get(name))
    main = _main(shell)
    for el in content:
        main.append(el)
    return shell


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def split_book(book_html: str) -> BookParts:
    doc = parse_html(book_html)
    main = _main(doc)
    children = list(main)
    articles = [
        c for c in children if c.tag == "article" and "document" in c.get("class", "").split()
    ]
    index = next((c for c in children if c.get("id") == "index"), None)
    front = [c for c in children if c not in articles and c is not index]
    stable_ids(doc, articles)
    chapters = []
    for art in articles:
        title = art.find(".//h1")
        part = _with_content(doc, [copy.deepcopy(art)])
        _document_head(part, art, _text(title))
        chapters.append(
            Chapter(
                art.get("id", ""),
                (title.get("data-running") if title is not None else "") or _text(title),
                html_text(part),
            )
        )
    sections = [
        (c.get("id", ""), _text(c.find(".//h2")))
        for c in front
        if c.get("id") and c.find(".//h2") is not None
    ]
    front_doc = _with_content(doc, [copy.deepcopy(c) for c in front])
    for link in front_doc.xpath("//a[contains(concat(' ', @class, ' '), ' toc-link ')]"):
        link.set("data-page", PLACEHOLDER)
    index_doc = _with_content(doc, [copy.deepcopy(index)]) if index is not None else None
    return BookParts(
        front=html_text(with_link_sink(front_doc)),
        front_sections=sections,
        chapters=chapters,
        index=html_text(index_doc) if index_doc is not None else None,
        index_title=_text(index.find(".//h2")) if index is not None else "Index",
    )


#: Ids the stylesheets number through the whole book (a mention's, a block's): their numbers depend on
#: the documents before, so a changed document would change every later part's HTML.
_BOOK_NUMBERED = re.compile(r"^(m-e|te-b)\d+$")
_REFERRING = ("data-mentions", "aria-labelledby", "aria-describedby", "headers", "for")


def stable_ids(doc: etree._Element, articles: list[etree._Element]) -> None:
    """Number the book-numbered ids of each document within the document (``m-e3-doc-<page>``: still a
    mention's id, never one that looks like a document's start, ``doc-<page>``), and
    the references to them, so that a document's part is the same HTML whatever the documents before
    it: a part laid out once is reused until its own document changes (builders/pdf/cache.py)."""
    renamed: dict[str, str] = {}
    for art in articles:
        base = art.get("id", "doc")
        counts: dict[str, int] = {}
        for el in art.iter():
            old = el.get("id")
            found = _BOOK_NUMBERED.match(old) if old else None
            if old and found:
                kind = found.group(1)
                counts[kind] = counts.get(kind, 0) + 1
                renamed[old] = f"{kind}{counts[kind]}-{base}"
                el.set("id", renamed[old])
    if not renamed:
        return
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        href = el.get("href")
        if href and href.startswith("#") and href[1:] in renamed:
            el.set("href", "#" + renamed[href[1:]])
        for attr in _REFERRING:
            value = el.get(attr)
            if value:
                el.set(attr, " ".join(renamed.get(t, t) for t in value.split()))


def _document_head(part: etree._Element, article: etree._Element, title: str) -> None:
    """The head of a document's own PDF: its title and the metadata the article carries (data-pdf-*),
    which WeasyPrint writes as the PDF's Title, Author, Subject and Keywords."""
    head = part.find("head")
    for el in head.xpath("title | meta[@name]"):
        if el.tag == "title" or el.get("name") in ("author", "description", "keywords"):
            head.remove(el)
    title_el = etree.SubElement(head, "title")
    title_el.text = title
    for name, attr in (
        ("author", "data-pdf-author"),
        ("description", "data-pdf-subject"),
        ("keywords", "data-pdf-keywords"),
    ):
        if article.get(attr):
            etree.SubElement(head, "meta", name=name, content=article.get(attr))


def with_link_sink(doc: etree._Element) -> etree._Element:
    """Add, on pages of their own, an element for every internal link target the part does not have."""
    own = set(doc.xpath("//@id"))
    wanted = []
    for href in doc.xpath("//a/@href"):
        if href.startswith("#") and href[1:] not in own and href[1:] not in wanted:
            wanted.append(href[1:])
    if wanted:
        sink = etree.SubElement(_main(doc), "section", {"id": SINK_ID, "class": "link-sink"})
        for target in wanted:
            etree.SubElement(sink, "span", id=target).text = "\u00b7 "
    return doc


@dataclass(frozen=True)
class Slot:
    """Room for a page number in a part: the link to ``target`` is laid out showing ``placeholder``, as
    wide as any number of the book, and builders/pdf/numbers.py writes ``text`` over it in the PDF."""

    target: str
    placeholder: str
    text: str
    #: the number ends where the placeholder ends (the contents); else it starts there (the index)
    right: bool
    #: the link's description (PDF /Contents) with the number; "" keeps the laid-out one
    label: str = ""


#: Digits and the signs a locator prints, laid out on the part's sink pages (which the book leaves out):
#: the part's font then has every glyph a slot can need, whatever its placeholders hold.
DIGIT_SAMPLE = "0123456789\u2013,"


def _placeholder(n: int, digits: int) -> str:
    """``digits`` digits, the n-th group of a run through 0-9 (placeholders differ from their
    neighbours, so a slot is never mistaken for the one before)."""
    return "".join(str((n * digits + i) % 10) for i in range(digits))


def _with_digit_sample(doc: etree._Element) -> etree._Element:
    sink = doc.find(f".//*[@id='{SINK_ID}']")
    if sink is None:
        sink = etree.SubElement(_main(doc), "section", {"id": SINK_ID, "class": "link-sink"})
    etree.SubElement(sink, "span").text = DIGIT_SAMPLE
    return doc


def fill_contents(
    front_html: str, page_of: dict[str, int], digits: int = 0
) -> tuple[str, list[Slot]]:
    """Write each contents entry's page number (data-page, printed by print.css). With ``digits``, write a
    placeholder that wide instead and return the slots to fill in (the HTML, and so its layout, then
    depends on the number of digits only, not on the numbers)."""
    doc = parse_html(front_html)
    slots: list[Slot] = []
    for link in doc.xpath("//a[@data-page]"):
        target = link.get("href", "").lstrip("#")
        text = str(page_of[target]) if target in page_of else ""
        if text and len(text) <= digits:
            # a contents entry's number stands at the right of its slot; an example's in the
            # conventions ("p. 12)") at its left, and the line is closed up after it
            right = "toc-link" in link.get("class", "").split()
            slot = Slot(target, _placeholder(len(slots), digits), text, right)
            slots.append(slot)
            text = slot.placeholder
        link.set("data-page", text)
    return html_text(_with_digit_sample(doc) if slots else doc), slots


def fill_index(
    index_html: str, page_of: dict[str, int], digits: int = 0, starts: Collection[int] = ()
) -> tuple[str, list[Slot]]:
    """Replace each entry's locators with the sorted, distinct pages of its mentions (runs of three or
    more of one document as ranges; ``starts``: the first pages of the documents), each number linking
    to the first mention on that page. With ``digits``, each
    number is a slot of that many digits (see :func:`fill_contents`)."""
    doc = parse_html(index_html)
    slots: list[Slot] = []
    for locators in doc.xpath("//*[@data-mentions]"):
        first_on: dict[int, str] = {}
        for mention in locators.get("data-mentions", "").split():
            if mention in page_of:
                first_on.setdefault(page_of[mention], mention)
        for child in list(locators):
            locators.remove(child)
        locators.text = " "
        runs = _runs(sorted(first_on), starts)
        for i, (low, high) in enumerate(runs):
            text = str(low) if low == high else f"{low}\u2013{high}"
            shown = text
            if digits and len(str(high)) <= digits:
                shown = _placeholder(len(slots), digits)
                if low != high:
                    shown += "\u2013" + _placeholder(len(slots) + 1, digits)
                slots.append(Slot(first_on[low], shown, text, False, f"Page {text}"))
            link = lhtml.Element(
                "a",
                {"class": "page-ref", "href": f"#{first_on[low]}", "aria-label": f"Page {shown}"},
            )
            link.text = shown
            link.tail = ", " if i + 1 < len(runs) else ""
            locators.append(link)
    doc = with_link_sink(doc)
    return html_text(_with_digit_sample(doc) if slots else doc), slots


def _runs(pages: list[int], starts: Collection[int] = ()) -> list[tuple[int, int]]:
    """[3, 4, 5, 8, 9] -> [(3, 5), (8, 8), (9, 9)]: three or more consecutive pages make a range, but
    not across the first page of a document (``starts``): a range is one passage. So a document that
    grows moves the numbers after it and never changes which are ranges (see numbers.py)."""
    runs: list[list[int]] = []
    for p in pages:
        if runs and p == runs[-1][-1] + 1 and p not in starts:
            runs[-1].append(p)
        else:
            runs.append([p])
    out: list[tuple[int, int]] = []
    for run in runs:
        if len(run) >= 3:
            out.append((run[0], run[-1]))
        else:
            out.extend((p, p) for p in run)
    return out


def part_pages(anchors: dict[str, int], pages: int) -> int:
    """How many pages of a laid-out part belong to it: those before its link sink."""
    return anchors.get(SINK_ID, pages)

"""The print edition's bookkeeping, without WeasyPrint: cutting the book into parts, placing the parts,
and the folio (page number, running head) of every page."""

from __future__ import annotations

from lxml import html as lhtml

from teiedit.builders.pdf import folios as fol
from teiedit.builders.pdf.layout import LaidOut
from teiedit.builders.pdf.parts import (
    DIGIT_SAMPLE,
    PLACEHOLDER,
    SINK_ID,
    Slot,
    fill_contents,
    fill_index,
    part_pages,
    split_book,
)
from teiedit.builders.pdf.placement import FolioList, place

BOOK = """<!DOCTYPE html><html><head><title>Book</title><link rel="stylesheet" href="print.css"/>
<meta name="author" content="The Editors"/><meta name="description" content="Print edition"/></head>
<body><main id="main">
<section class="title-page" id="title-page"><h1 class="edition-title">A Dossier</h1></section>
<section class="matter conventions" id="conventions"><h2 class="matter-title">Editorial conventions</h2></section>
<nav class="matter contents" id="contents"><h2 class="matter-title">Contents</h2><ol class="toc">
 <li><a class="toc-link" href="#conventions">Editorial conventions</a></li>
 <li><a class="toc-link" href="#doc-a">Letter A</a></li><li><a class="toc-link" href="#doc-b">Report B</a></li>
 <li><a class="toc-link" href="#index">Index</a></li></ol></nav>
<article class="document kind-letter" id="doc-a" data-pdf-author="Han" data-pdf-subject="About quotas"
  data-pdf-keywords="letter, TEI, edition"><header><h1 class="doc-title" data-running="Letter A">Letter A</h1>
  </header><p>Dear <span id="m-1">Kim</span>, see <a href="#doc-b">the report</a>.</p></article>
<article class="document" id="doc-b" data-pdf-author="" data-pdf-subject="" data-pdf-keywords="TEI">
  <header><h1 class="doc-title" data-running="Report B">Report B</h1></header><p><span id="m-2">Kim</span> again.</p>
</article>
<section class="matter index" id="index"><h2 class="matter-title">Index</h2>
 <li class="index-entry"><span class="index-label">Kim</span>
  <span class="index-locators" data-mentions="m-1 m-2"> <a class="locator" href="#m-1"></a></span></li></section>
</main></body></html>"""


def _doc(text: str) -> lhtml.HtmlElement:
    return lhtml.document_fromstring(text)


def test_the_book_is_cut_into_front_matter_documents_and_index() -> None:
    parts = split_book(BOOK)
    assert [c.id for c in parts.chapters] == ["doc-a", "doc-b"]
    assert [c.running_head for c in parts.chapters] == ["Letter A", "Report B"]
    assert parts.front_sections == [
        ("conventions", "Editorial conventions"),
        ("contents", "Contents"),
    ]
    assert parts.index_title == "Index"
    front = _doc(parts.front)
    assert front.xpath("//main/*/@id") == ["title-page", "conventions", "contents", SINK_ID]
    assert front.xpath("//a[@class='toc-link']/@data-page") == [PLACEHOLDER] * 4
    # the contents' targets in other parts wait on a page of their own; its own target does not
    assert front.xpath(f"//*[@id='{SINK_ID}']/span/@id") == ["doc-a", "doc-b", "index"]
    index = _doc(parts.index or "")
    assert index.xpath("//main/*/@id") == ["index"]  # locators are filled once pages are known


def test_a_document_part_carries_the_metadata_of_its_own_pdf() -> None:
    a, b = (_doc(c.html) for c in split_book(BOOK).chapters)
    assert a.findtext(".//title") == "Letter A"
    assert a.xpath("//meta[@name='author']/@content") == ["Han"]
    assert a.xpath("//meta[@name='description']/@content") == ["About quotas"]
    assert a.xpath("//link/@href") == ["print.css"]
    assert a.xpath("//main/article/@id") == ["doc-a"] and not a.xpath("//*[@id='index']")
    # no author of its own: the book's author is not claimed for it either
    assert b.xpath("//meta[@name='author']") == [] and b.xpath(
        "//meta[@name='keywords']/@content"
    ) == ["TEI"]
    # no sink pages: a document's own PDF is exactly its pages of the book (xslt/print makes no links
    # between documents)
    assert not a.xpath(f"//*[@id='{SINK_ID}']")


def test_contents_and_index_get_the_page_numbers() -> None:
    parts = split_book(BOOK)
    page_of = {"conventions": 2, "doc-a": 5, "doc-b": 7, "index": 9, "m-1": 5, "m-2": 7}
    front_html, front_slots = fill_contents(parts.front, page_of)
    front = _doc(front_html)
    assert front.xpath("//a[@class='toc-link']/@data-page") == ["2", "5", "7", "9"]
    index_html, index_slots = fill_index(parts.index or "", page_of)
    index = _doc(index_html)
    assert index.xpath("//span[@class='index-locators']//a/text()") == ["5", "7"]
    assert index.xpath("//span[@class='index-locators']//a/@aria-label") == ["Page 5", "Page 7"]
    assert index.xpath("//span[@class='index-locators']//a/@href") == ["#m-1", "#m-2"]
    assert index.xpath(f"//*[@id='{SINK_ID}']/span/@id") == ["m-1", "m-2"]
    assert front_slots == index_slots == []  # the numbers are in the HTML: nothing to fill in later
    same_page = _doc(fill_index(parts.index or "", {"m-1": 4, "m-2": 4})[0])
    assert same_page.xpath("//span[@class='index-locators']//a/text()") == ["4"]
    assert same_page.xpath("string(//span[@class='index-locators'])") == " 4"


def test_page_numbers_in_slots_leave_the_html_the_same_when_the_numbers_move() -> None:
    """With slots, the contents and the index depend on the width of the numbers, not on them: a part
    laid out once is kept while a document before it grows, and only the numbers are written anew."""
    parts = split_book(BOOK)
    page_of = {"conventions": 2, "doc-a": 5, "doc-b": 7, "index": 9, "m-1": 5, "m-2": 7}
    moved = {**page_of, "doc-b": 9, "m-2": 9, "index": 11}
    front_html, front_slots = fill_contents(parts.front, page_of, digits=2)
    assert fill_contents(parts.front, moved, digits=2)[0] == front_html
    assert [(s.target, s.text, s.right) for s in front_slots] == [
        ("conventions", "2", True),
        ("doc-a", "5", True),
        ("doc-b", "7", True),
        ("index", "9", True),
    ]
    front = _doc(front_html)
    placeholders = front.xpath("//a[@class='toc-link']/@data-page")
    assert placeholders == [s.placeholder for s in front_slots] == ["01", "23", "45", "67"]
    # every digit is laid out in the part (on its sink page), so the font has every glyph a number needs
    assert front.xpath(f"//*[@id='{SINK_ID}']/span[not(@id)]/text()") == [DIGIT_SAMPLE]
    index_html, index_slots = fill_index(parts.index or "", page_of, digits=2)
    assert fill_index(parts.index or "", moved, digits=2)[0] == index_html
    assert [(s.target, s.placeholder, s.text, s.label) for s in index_slots] == [
        ("m-1", "01", "5", "Page 5"),
        ("m-2", "23", "7", "Page 7"),
    ]
    index = _doc(index_html)
    assert index.xpath("string(//span[@class='index-locators'])") == " 01, 23"
    three = (parts.index or "").replace('data-mentions="m-1 m-2"', 'data-mentions="m-1 m-2 m-3"')
    html, ranged = fill_index(three, {"m-1": 4, "m-2": 6, "m-3": 5, "m-4": 9}, digits=1)
    assert ranged == [Slot("m-1", "0\u20131", "4\u20136", False, "Page 4\u20136")]
    assert _doc(html).xpath("//span[@class='index-locators']//a/text()") == ["0\u20131"]
    # a range is one passage: pages 4 and 5 of one document and page 6, the next one's first, are not
    across = fill_index(three, {"m-1": 4, "m-2": 6, "m-3": 5}, starts={6})[0]
    assert _doc(across).xpath("//span[@class='index-locators']//a/text()") == ["4", "5", "6"]


def test_parts_are_placed_one_after_another_and_the_index_opens_on_a_right_hand_page() -> None:
    front = LaidOut("front", b"", 5, {"title-page": 0, "conventions": 1, "contents": 2, SINK_ID: 3})
    a = LaidOut("a.pdf", b"", 2, {"doc-a": 0, "m-1": 1})
    b = LaidOut("b.pdf", b"", 3, {"doc-b": 0, "m-2": 2, "m-1": 0})
    where = place(front, [a, b], has_index=True)
    assert where.front_pages == part_pages(front.anchors, front.pages) == 3
    assert where.starts == [4, 6] and where.lengths == [2, 3]
    # 3 + 2 + 3 pages end on page 8: page 9, a right-hand page, opens the index
    assert (where.blank_before_index, where.index_start) == (False, 9)
    assert where.page_of["m-1"] == 5  # the first part that has an id keeps it
    assert (
        where.page_of["m-2"] == 8 and where.page_of["contents"] == 3 and where.page_of["index"] == 9
    )
    shorter = place(front, [a, LaidOut("b.pdf", b"", 2, {})], has_index=True)
    assert (shorter.blank_before_index, shorter.index_start) == (True, 9)
    assert place(front, [a], has_index=False).index_start == 0


def test_folios_follow_the_rules_of_a_printed_book() -> None:
    pages = fol.section(7, 4, "Dossier", "Letter A")
    assert pages == [
        fol.Folio(fol.OPENING, "7"),
        fol.Folio(fol.VERSO, "8", "Dossier"),
        fol.Folio(fol.RECTO, "9", "Letter A"),
        fol.Folio(fol.VERSO, "10", "Dossier"),
    ]
    assert fol.section(2, 2, "D", "Contents", opening=False)[0] == fol.Folio(fol.VERSO, "2", "D")
    assert fol.offprint_first(7, 10, "A Dossier") == fol.Folio(
        fol.OFFPRINT, "7", "A Dossier", ("7", "10")
    )
    assert fol.offprint_first(7, 10, "A Dossier").heading == "A Dossier, pp. 7\u201310"
    assert fol.offprint_first(7, 7, "A Dossier").heading == "A Dossier, p. 7"


def test_folio_pages_are_html_with_their_strings_escaped_and_split_into_jobs() -> None:
    folios = FolioList()
    assert folios.add(fol.BLANK) is None  # nothing to stamp on a blank page
    # a folio that is no template (its number is not a number): laid out as it is
    firsts = [folios.add(fol.Folio(fol.OFFPRINT, "i", f"A & B {p}")) for p in (1, 3, 5, 7, 9)]
    assert firsts == [fol.Stamp(i) for i in range(5)]
    jobs = folios.jobs(3)  # three folios a job (a fixed size: the bytes never depend on the cores)
    assert [j.output for j in jobs] == [
        "the page numbers and running heads (1 of 2)",
        "the page numbers and running heads (2 of 2)",
    ]
    pages = [_doc(j.html).xpath("//div[contains(@class, 'folio')]") for j in jobs]
    assert [len(p) for p in pages] == [3, 2]
    assert pages[0][1].get("data-head") == "A & B 3"
    assert pages[1][0].get("class") == "folio folio-offprint"


def test_the_pages_a_first_page_names_are_slots_of_one_template() -> None:
    """A document's own first page names its pages in its head ("pp. 7–10"): one template for every
    document of that kind of range, its head ending with slots, so a document that grows moves the
    numbers of the first pages after it without laying them out."""
    folios = FolioList()
    firsts = [folios.add(fol.offprint_first(p, p + 3, "A & B")) for p in (7, 11, 98)]
    one = folios.add(fol.offprint_first(102, 102, "A & B"))
    assert firsts == [
        fol.Stamp(0, True, "7", "center", ("7", "10")),
        fol.Stamp(0, True, "11", "center", ("11", "14")),
        fol.Stamp(0, True, "98", "center", ("98", "101")),
    ]
    assert one == fol.Stamp(1, True, "102", "center", ("102",))
    assert folios.folios == [] and folios.tails == ["pp. 000\u2013000", "p. 000"]
    assert len({s.name for s in [*firsts, one] if s}) == 4  # each stamped form its own name
    (job,) = folios.template_jobs()
    pages = _doc(job.html).xpath("//div[contains(@class, 'folio')]")
    assert [(p.get("class"), p.get("data-number"), p.get("data-head")) for p in pages] == [
        ("folio folio-offprint", "000", "A & B, pp. 000\u2013000"),
        ("folio folio-offprint", "000", "A & B, p. 000"),
        ("folio folio-offprint", fol.DIGITS, fol.DIGITS),  # every digit, in the head's font too
    ]
    moved = FolioList()
    for p in (9, 13, 100):
        moved.add(fol.offprint_first(p, p + 3, "A & B"))
    moved.add(fol.offprint_first(104, 104, "A & B"))
    assert [j.html for j in moved.template_jobs()] == [job.html]


def test_running_heads_are_laid_out_once_and_numbered_when_stamped() -> None:
    """A running head's folio is a template per kind and head with a slot as wide as the widest number:
    pages that only moved (a document before them grew) need no layout, only other numbers."""
    folios = FolioList()
    stamps = [folios.add(f) for f in fol.section(7, 4, "A & B", "<Title>")]
    stamps += [folios.add(f) for f in fol.section(98, 5, "A & B", "Other")]
    assert [(s.index, s.number, s.align) for s in stamps if s] == [
        (0, "7", "center"),
        (1, "8", "left"),
        (2, "9", "right"),
        (1, "10", "left"),
        (0, "98", "center"),
        (3, "99", "right"),
        (1, "100", "left"),
        (3, "101", "right"),
        (1, "102", "left"),
    ]
    assert all(s and s.template for s in stamps) and folios.folios == []
    (job,) = folios.template_jobs()
    pages = _doc(job.html).xpath("//div[contains(@class, 'folio')]")
    assert [(p.get("class"), p.get("data-number"), p.get("data-head")) for p in pages] == [
        ("folio folio-opening", "000", ""),
        ("folio folio-verso", "000", "A & B"),
        ("folio folio-recto", "000", "<Title>"),
        ("folio folio-recto", "000", "Other"),
        ("folio folio-opening", fol.DIGITS, ""),  # every digit, for the font
    ]
    # the same heads with other numbers of the same width: the same templates, nothing to lay out
    moved = FolioList()
    for f in [*fol.section(9, 4, "A & B", "<Title>"), *fol.section(100, 5, "A & B", "Other")]:
        moved.add(f)
    assert [j.html for j in moved.template_jobs()] == [job.html]

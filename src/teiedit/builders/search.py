"""The site's full-text search: an index built at build time from the rendered pages, shipped as a script.

The index is a JavaScript file (``search-index.js``) rather than JSON so that it loads from ``file://``
without a server (browsers refuse ``fetch`` of local JSON). Each record is one block of reading text (a
paragraph, heading, list item, footnote) with the nearest id to link to, so a hit opens at its place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

#: Elements that hold a block of reading text.
_BLOCKS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption", "blockquote", "dd"}
)
#: The parts of a document page that hold its reading text and notes.
_REGIONS = (
    "//article//div[contains(concat(' ', @class, ' '), ' tei-text ')]"
    "[not(ancestor::div[contains(concat(' ', @class, ' '), ' tei-text ')])]"
    " | //article//section[contains(concat(' ', @class, ' '), ' footnotes ')]"
)


@dataclass
class SearchDoc:
    page: str
    title: str
    date: str


def page_records(html_bytes: bytes) -> list[tuple[str, str]]:
    """(anchor, text) for each innermost text block of a document page, in reading order.

    One walk over each region: a block is kept when no block lies inside it, and links to the nearest
    element with an id around it (its own id first).
    """
    tree = lxml_html.fromstring(html_bytes)
    records: list[tuple[str, str]] = []
    for region in tree.xpath(_REGIONS):
        for el in region.iter(*_BLOCKS):
            if any(True for _ in el.iterdescendants(*_BLOCKS)):
                continue
            text = " ".join(el.text_content().split())
            if not text:
                continue
            anchor = ""
            node = el
            while node is not None:
                if node.get("id"):
                    anchor = node.get("id", "")
                    break
                node = node.getparent()
            records.append((anchor, text))
    return records


def search_index_script(docs: list[SearchDoc], pages: list[bytes]) -> str:
    """The JavaScript file that defines ``window.teieditSearchIndex`` for the search page."""
    blocks: list[list[object]] = []
    for i, page_html in enumerate(pages):
        for anchor, text in page_records(page_html):
            blocks.append([i, anchor, text])
    data = {
        "docs": [[d.page + ".html", d.title, d.date] for d in docs],
        "blocks": blocks,
    }
    # ensure_ascii keeps the file plain ASCII: no byte of it can end a script or confuse an encoding.
    return (
        "window.teieditSearchIndex = "
        + json.dumps(data, ensure_ascii=True, separators=(",", ":"))
        + ";\n"
    )


def read_page(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b"<html></html>"

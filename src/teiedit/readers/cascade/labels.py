"""The roles a segment can have: the labeller's vocabulary, and what assembly does with each."""

from __future__ import annotations

#: label -> what it is (the annotation guide, and the report's words).
LABELS: dict[str, str] = {
    "furniture": "web-site or host furniture: navigation, counters, funder and rights lines, shop, comments form",
    "pagefw": "page furniture of a printed original: running head, page number, page marker",
    "title": "the document's title",
    "heading": "a heading inside the document (a repeated or internal title, a section heading, a label "
    "such as 'Abstract' or 'Notes')",
    "dateline": "the document's date, or place and date",
    "byline": "the author's name line",
    "meta": "a metadata field about the document or its publication ('Written: ...', 'From: ...', DOI)",
    "citation": "the archival or bibliographic source of the document",
    "summary": "an abstract, summary or editorial headnote",
    "opener": "a line of the document's top: classification, routing, docket, telegram header",
    "salute": "a salutation ('Dear comrades,', 'Sir')",
    "p": "a paragraph of running text",
    "item": "a list item",
    "closer": "a complimentary close ('Yours,', 'Respectfully,')",
    "signed": "a signature",
    "postscript": "a postscript",
    "note": "the body of a note (footnote, endnote, editor's note)",
    "caption": "an image caption",
}

#: Labels whose segments are not the document's text: set aside, with the reason the report gives.
SET_ASIDE: dict[str, str] = {
    "furniture": "web-site or host furniture (not part of the document)",
    "pagefw": "page furniture of the printed original (running head, page number or page marker)",
}

#: Labels that only occur at a document's top or bottom (used to split compilations and find the body).
TOP = frozenset({"title", "dateline", "byline", "meta", "opener", "salute", "summary", "citation"})
BOTTOM = frozenset({"closer", "signed", "postscript", "note"})
BODY = frozenset({"p", "item", "heading", "caption"})

#: A decision below this confidence is reported as a warning instead of being silently accepted.
LOW_CONFIDENCE = 0.5

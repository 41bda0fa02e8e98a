"""Facts about documents and notes that the web and print editions show, sort by or number with,
computed once, here, and handed to the stylesheets as data.

A document's facts: its display title, its date (the header's), its sort date in the book (the header's,
else the first full date of its heading, opener or dateline), its kind (as shown, and as a class token),
its running title. A note's facts: its kind (footnote, endnote, block, inline) and its number. Python
sorts and names pages and PDFs with these facts; the stylesheets get them in the ``facts`` parameter
(:func:`facts_document`) and look them up (common/functions.xsl), so that no rule is written twice.

Text is space-normalised as XPath's ``normalize-space`` does it (XML white space only): the stylesheets
used to compute these strings, and the published pages keep their bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from teiedit.document import TEI_NS, local_name, register_pointer, tei, xpath

TE_NS = "urn:teiedit"
UNTITLED = "(untitled)"
#: A running head longer than this is cut at a word and marked with an ellipsis.
RUNNING_TITLE_LENGTH = 70

_XML_SPACE = re.compile(r"[ \t\r\n]+")
_ISO = re.compile(r"^\d{4}(-\d\d){0,2}$")
_KIND_TOKEN = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
#: Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and
#: their presentation forms): the same ranges as te:rtl-text in the stylesheets.
_RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

#: Elements whose content is a line of running text: a note inside one is called from a point of it.
#: (The first part is where HTML takes phrasing content only: te:phrasing-parents in the stylesheets.)
RUNNING_TEXT = frozenset(
    (
        *("p", "head", "l", "ab", "dateline", "salute", "signed", "label", "figDesc", "hi", "q"),
        *("seg", "persName", "placeName", "orgName", "name", "rs", "date", "title", "trailer"),
        *("byline", "docTitle", "titlePart", "docAuthor", "docDate", "emph", "term", "foreign"),
        *("ref", "num", "measure", "addrLine", "sic", "corr", "orig", "reg", "abbr", "expan"),
        *("supplied", "unclear", "add", "del", "choice", "gap"),
        *("item", "cell", "bibl", "speaker", "stage"),
    )
)
#: Places that make a note a footnote wherever it stands.
FOOT_PLACES = frozenset({"foot", "end", "bottom", "margin"})
NUMBERED = frozenset({"footnote", "endnote"})

#: Where the header gives a document's date, in order of preference.
_HEADER_DATES = (
    "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@when",
    "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@notBefore",
    "tei:teiHeader//tei:correspAction[@type='sent']/tei:date/@from",
    "tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@when",
    "tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date/@notBefore",
    "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when",
    "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@from",
    "tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@notBefore",
)
#: Where a document without a date in its header states its own: its heading, opener or dateline (a
#: bulletin's part "Memorandum of Conversation with ..., 5 June 1956"). Single dates only, so an essay
#: headed "..., 1953-1964" is not filed under 1953.
_OWN_DATE = (
    "tei:text/tei:body//*[self::tei:head or self::tei:opener or self::tei:dateline"
    " or self::tei:docDate]//tei:date/@when | tei:text/tei:body//tei:docDate/@when"
)
_TITLES = "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"
_NS = {"tei": TEI_NS}


def normalize_space(text: str) -> str:
    """XPath's normalize-space: runs of XML white space become one space, none at either end."""
    return _XML_SPACE.sub(" ", text).strip(" ")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return re.sub(r"[ \t\r\n]+[^ \t\r\n]*$", "", text[: limit - 2]) + " \u2026"


@dataclass(frozen=True)
class DocumentFacts:
    """What the editions show, sort by and file a document under."""

    title: str  # the main title (else the analytic one, else the first), normalised; '' when none
    date: str  # the header's date (ISO), or ''
    sort_date: str  # the date that places it in the book: the header's, else its own heading's
    kind: str  # the kind shown (textClass term of type "kind", else the type of a division)
    kind_class: str  # the kind as a class token: the declared kind, lower-case, else "document"

    @property
    def display_title(self) -> str:
        return self.title or UNTITLED

    @property
    def year(self) -> str:
        found = re.match(r"^(-?\d{4})", self.date)
        return found.group(1) if found else ""

    @property
    def running_title(self) -> str:
        """A title short enough for a running head."""
        return shorten(self.display_title, RUNNING_TITLE_LENGTH)


def _header_date(el: etree._Element) -> str:
    for expr in _HEADER_DATES:
        found = el.xpath(expr, namespaces=_NS)
        if found:
            return str(found[0]).strip()
    return ""


def document_facts(el: etree._Element) -> DocumentFacts:
    """The facts of one TEI (or teiCorpus) element."""
    # The main title; else the item's own (level="a": a letter of a correspondence edition whose first
    # title names the series); else the first.
    titles = (
        xpath(el, f"{_TITLES}[@type='main']")
        or xpath(el, f"{_TITLES}[@level='a']")
        or xpath(el, _TITLES)
    )
    title = normalize_space("".join(titles[0].itertext())) if titles else ""
    date = _header_date(el)
    sort_date = date
    if not sort_date:
        own = (normalize_space(str(w)) for w in el.xpath(_OWN_DATE, namespaces=_NS))
        sort_date = next((w for w in own if _ISO.match(w)), "")
    terms = xpath(el, "tei:teiHeader//tei:textClass//tei:term[@type='kind']")
    kind_by_div = el.xpath("tei:text/tei:body/tei:div/@type", namespaces=_NS)
    kind = normalize_space(
        "".join(terms[0].itertext()) if terms else str(kind_by_div[0]) if kind_by_div else ""
    )
    declared = xpath(el, "tei:teiHeader//tei:keywords/tei:term[@type='kind']")
    token = normalize_space("".join(declared[0].itertext())) if declared else ""
    kind_class = token.lower() if _KIND_TOKEN.match(token) else "document"
    return DocumentFacts(title, date, sort_date, kind, kind_class)


@dataclass(frozen=True)
class NoteFacts:
    """How the editions show a note, and its number.

    footnote: called from a point of the running text (or declared @place foot/end/bottom/margin);
    endnote: a note that lost its anchor (@type="orphan") or stands between blocks of the back matter;
    block: a note standing between blocks of the body or in the header, without number;
    inline: a note the source printed in its running text (@place="inline") or a note inside a note.
    ``number`` counts the footnotes and endnotes of its document (its TEI element) up to it; ``label``
    is what a reader sees: @n, else the number.
    """

    kind: str
    number: int
    label: str


def _has_text(parent: etree._Element) -> bool:
    """The element has a text node of its own that is not white space."""
    parts = [parent.text or "", *(child.tail or "" for child in parent)]
    return any(p.strip(" \t\r\n") for p in parts)  # as normalize_space(p) != "", without a regex


_HEADER, _NOTE, _BACK = tei("teiHeader"), tei("note"), tei("back")


def note_kind(note: etree._Element) -> str:
    """footnote, endnote, block or inline (see NoteFacts)."""
    ancestors = list(note.iterancestors())
    tags = {a.tag for a in ancestors}
    if _HEADER in tags:
        return "block"
    if _NOTE in tags or note.get("place") == "inline":
        return "inline"
    if note.get("type") == "orphan":
        return "endnote"
    parent = note.getparent()
    if (
        note.get("place") in FOOT_PLACES
        or any(local_name(a) in RUNNING_TEXT for a in ancestors)
        or (parent is not None and _has_text(parent))
    ):
        return "footnote"
    if _BACK in tags:
        return "endnote"
    return "block"


def note_facts(root: etree._Element) -> list[NoteFacts]:
    """The facts of every ``tei:note`` under ``root``, in document order; each is numbered within its
    TEI element (a note outside any counts every numbered note before it)."""
    out: list[NoteFacts] = []
    in_doc: dict[etree._Element, int] = {}
    everywhere = 0
    for note in root.iter(tei("note")):
        kind = note_kind(note)
        scope = next(note.iterancestors(tei("TEI")), None)
        number = (in_doc.get(scope, 0) if scope is not None else everywhere) + 1
        label = normalize_space(note.get("n") or "") or str(number)
        out.append(NoteFacts(kind, number, label))
        if kind in NUMBERED:
            everywhere += 1
            if scope is not None:
                in_doc[scope] = in_doc.get(scope, 0) + 1
    return out


def facts_document(
    root: etree._Element,
    known: Mapping[etree._Element, DocumentFacts] | None = None,
    also: Iterable[etree._Element] = (),
) -> etree._Element:
    """The ``facts`` parameter of the stylesheets for the input ``root``: a ``te:doc`` for each TEI and
    teiCorpus element and a ``te:note`` for each note, in document order (``@i`` counts them as the
    stylesheets' accumulators do) and a ``te:mention`` with the HTML id of each name that points
    somewhere (mention_anchors). ``known``: facts computed before, for elements that are copies
    holding less than the document (the listing pages' copies). ``also``: elements the stylesheet
    gets apart from the input (the register entries a page shows), whose text counts for ``rtl-text``."""
    out = etree.Element(f"{{{TE_NS}}}facts", nsmap={"te": TE_NS})
    # Whether any text of the input is in a right-to-left script: only then do the stylesheets look at
    # each block's letters for its direction (a regular expression over the whole text costs them more).
    text = "".join(t for el in (root, *also) for t in el.itertext())
    out.set("rtl-text", "yes" if _RTL_LETTERS.search(text) else "no")
    for i, el in enumerate(root.iter(tei("TEI"), tei("teiCorpus")), start=1):
        facts = (known or {}).get(el) or document_facts(el)
        etree.SubElement(
            out,
            f"{{{TE_NS}}}doc",
            i=str(i),
            title=facts.display_title,
            date=facts.date,
            year=facts.year,
            kind=facts.kind,
            kind_class=facts.kind_class,
            sort_date=facts.sort_date,
            running_title=facts.running_title,
        )
    for i, note in enumerate(note_facts(root), start=1):
        etree.SubElement(
            out, f"{{{TE_NS}}}note", i=str(i), kind=note.kind, n=str(note.number), label=note.label
        )
    for i, (_, anchor) in enumerate(mention_anchors(root), start=1):
        etree.SubElement(out, f"{{{TE_NS}}}mention", i=str(i), id=anchor)
    return out


#: What te:safe-id leaves as it is without looking at each character (most ids are plain ASCII).
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.\-]*")


def safe_id(value: str) -> str:
    """A value made fit for an HTML id, as the stylesheets' te:safe-id: letters, digits, '_', '.', '-'."""
    if _PLAIN_ID.fullmatch(value):  # (every page asks for each of its mentions' ids)
        return value
    return "".join(
        c
        if c in "_.-" or unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd"
        else "_"
        for c in normalize_space(value)
    )


def mention_anchors(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every element of a text that has ``@ref`` (``tei:text//*[@ref]``), in document order, with the
    HTML id its page gives it when it points into the registers: ``m-<entry>-<n>``, ``n`` counting the
    pointers to that entry in its TEI document (else '')."""
    out: list[tuple[etree._Element, str]] = []
    counts: dict[tuple[etree._Element | None, str], int] = {}
    for el in root.xpath("descendant-or-self::tei:text//*[@ref]", namespaces=_NS):
        entry = register_pointer(el.get("ref"))  # ``p1``, or ``persons.xml#p1`` (a register file's)
        if not entry:
            out.append((el, ""))
            continue
        scope = next(el.iterancestors(tei("TEI")), None)
        n = counts[(scope, entry)] = counts.get((scope, entry), 0) + 1
        out.append((el, f"m-{safe_id(entry)}-{n}"))
    return out

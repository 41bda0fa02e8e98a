"""One archival document parsed from its blocks by the shape of lines (the ``archival``, ``webcapture``
and ``compilation`` profiles): top zone (dateline, title, classification, salutation), middle (paragraphs,
numbered lists, stamps, distribution lists), bottom zone (signatures, closing date, summary).

Structure recognised, by the shape of blocks:
  top:    date line -> ``opener/dateline``; title line -> ``head``; "Translation from X" -> ``byline``
          (and langUsage); a short salutation -> ``opener/salute``
  middle: paragraphs (``p``), runs of numbered blocks (``list[@type="ordered"]/item[@n]``)
  bottom: editor's statements, signature/authentication lines and the closing date -> ``closer``;
          "P.S." -> ``postscript``; prose after the closing date -> ``back/div[@type="summary"]`` (and the
          header's abstract); ``[n]text`` blocks -> footnotes at their ``[n]`` markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from teiedit.dates import FoundDate
from teiedit.document import E
from teiedit.readers.common.lines import (
    CLASSIFICATION,
    DISTRIBUTION_HEAD,
    DOC_TITLE,
    EDITORIAL_STATEMENT,
    LANGUAGE_CODES,
    NUMBERED,
    SALUTE,
    SIGNED,
    STAMP,
    TRANSLATION,
    Block,
    date_line,
    letter_title,
    looks_like_prose,
    place_date_line,
)
from teiedit.readers.common.notes import NoteLinker

_PS = re.compile(r"^(?:P\.\s?S\.|PS:|Postscript)", re.IGNORECASE)
_PANEL_LABEL = "label of a web-page panel"
ORG_WORDS = re.compile(
    r"\b(?:Committee|Party|Ministry|Embassy|Department|Presidium|CC|Government|Council|"
    r"Bureau|Politburo|Secretariat|Plenum|Board|Commission|Office|Agency|Administration|"
    r"Union|Association|Society|Academy|Institute|Directorate|Soviet|Congress)\b"
)


@dataclass
class DocFacts:
    """What the structure parser learnt about one document, for its header."""

    title: str = ""
    date: FoundDate | None = None
    closing_date: FoundDate | None = None
    translation: str = ""
    source_language: str = ""
    salute: str = ""
    editorial: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    kind: str = "document"
    place: str = ""  # where the document was written, from a "Place, date" line
    body_end_line: int = (
        0  # the last source line placed in the body (notes after it may go to back)
    )


def document_kind(title: str) -> str:
    first = title.lstrip("*").split()[0].lower().rstrip(",") if title.strip("* ") else ""
    if letter_title(title) or first in {"letter", "telegram", "cable"}:
        return "letter"
    if first in {"memorandum", "memo", "record", "conversation", "diary", "minutes", "notes"}:
        return "memorandum"
    if first in {"report", "information"}:
        return "report"
    return "document"


def parse_document(
    blocks: list[Block],
    linker: NoteLinker,
    *,
    prelude: list[etree._Element] | None = None,
    title: str = "",
) -> tuple[etree._Element, list[tuple[int, etree._Element]], DocFacts]:
    """Build a ``div`` for one archival document from its blocks; also the back matter (summary)."""
    facts = DocFacts()
    div = E.div()
    back: list[tuple[int, etree._Element]] = []
    i = 0
    opener: etree._Element | None = None

    def to_opener(child: etree._Element) -> None:
        nonlocal opener
        if opener is None or div[-1] is not opener:
            opener = E.opener()
            div.append(opener)
        opener.append(child)

    for el in prelude or []:
        div.append(el)
    facts.title = title
    # -- top zone
    while i < len(blocks) and i < 6:
        b = blocks[i]
        d = _dateline(b)
        tm = TRANSLATION.match(b.one_line)
        if d and facts.date is None:
            facts.date, facts.place = d[1], d[2]
            to_opener(d[0])
        elif (
            not facts.title
            and len(b.one_line) <= 300
            and not looks_like_prose(b)
            and not SALUTE.match(b.one_line)
            or (not facts.title and DOC_TITLE.match(b.one_line))
        ):
            facts.title = b.one_line
            div.append(linker.fill(E.head(), b.text, b.line))
        elif (
            facts.title
            and CLASSIFICATION.match(b.one_line)
            and len(b.one_line) <= 120
            and not looks_like_prose(b)
        ):
            # "Secret. Copy No. 1" between the title and the date: part of the document's top
            to_opener(linker.fill(E.seg(type="classification"), b.text, b.line))
        elif tm:
            facts.translation = b.one_line
            facts.source_language = LANGUAGE_CODES.get(tm["lang"].lower(), "")
            to_opener(E.seg(b.text, type="translation"))
        elif (
            facts.title and len(b.one_line) <= 160 and SALUTE.match(b.one_line) and not facts.salute
        ):
            facts.salute = b.one_line
            to_opener(E.salute(b.text))
            i += 1
            break
        else:
            break
        i += 1
    # -- bottom zone: closing date, signatures, summary
    end = len(blocks)
    closer_start = end
    summary_start = end
    for j in range(end - 1, i, -1):
        found = _dateline(blocks[j])
        if found:
            facts.closing_date = found[1]
            closer_start, summary_start = j, j + 1
            break
        if not looks_like_prose(blocks[j]) or j < end - 3:
            break
    if facts.closing_date is None:
        closer_start = summary_start = end
    while closer_start - 1 >= i and _closer_like(blocks[closer_start - 1]):
        closer_start -= 1
    # -- middle
    k = i
    while k < closer_start:
        b = blocks[k]
        m = NUMBERED.match(b.text)
        if m:
            lst = E.list(type="ordered")
            while k < closer_start and (m := NUMBERED.match(blocks[k].text)):
                blk = blocks[k]
                item = E.item(n=m["n"])
                lst.append(item)
                more = _continuation(blocks, k, closer_start, int(m["n"]))
                if more:
                    # Paragraphs between point n and point n+1 belong to point n.
                    for part in blocks[k : k + 1 + more]:
                        item.append(linker.fill(E.p(), part.text, part.line))
                else:
                    linker.fill(item, blk.text, blk.line)
                k += 1 + more
            div.append(lst)
            continue
        if (
            _PS.match(b.text) and k == closer_start - 1
        ):  # a postscript ends the text (TEI: div bottom)
            div.append(E.postscript(linker.fill(E.p(), b.text, b.line)))
        elif (n := _ab_extent(blocks, k, closer_start)) > 0:
            div.append(_ab(blocks[k : k + n], linker))
            k += n
            continue
        else:
            div.append(linker.fill(E.p(), b.text, b.line))
        k += 1
    if closer_start < summary_start:
        closer = E.closer()
        for b in blocks[closer_start:summary_start]:
            d = _dateline(b)
            if d:
                closer.append(d[0])
                facts.place = facts.place or d[2]
            elif EDITORIAL_STATEMENT.search(b.text):
                facts.editorial.append(b.one_line)
                closer.append(E.note(b.text, type="editorial"))
            elif SIGNED.match(b.one_line):
                closer.append(E.signed(b.text))
            else:
                closer.append(E.salute(b.text))
        div.append(closer)
    for b in blocks[summary_start:]:
        if _PS.match(b.text):
            div.append(E.postscript(linker.fill(E.p(), b.text, b.line)))
            continue
        facts.summary.append(b.one_line)
        if back and back[-1][1].get("type") == "summary":
            back[-1][1].append(linker.fill(E.p(), b.text, b.line))
        else:
            back.append((b.line, E.div(linker.fill(E.p(), b.text, b.line), type="summary")))
    facts.body_end_line = blocks[summary_start - 1].end_line if summary_start > 0 else 0
    facts.kind = (
        document_kind(facts.title) if facts.title else ("letter" if facts.salute else "document")
    )
    div.set("type", facts.kind)
    return div, back, facts


def _continuation(blocks: list[Block], k: int, stop: int, n: int, reach: int = 6) -> int:
    """How many unnumbered blocks after numbered block ``k`` come before point ``n + 1`` (0 if none)."""
    for j in range(k + 1, min(stop, k + 1 + reach)):
        m = NUMBERED.match(blocks[j].text)
        if m:
            return j - k - 1 if int(m["n"]) == n + 1 else 0
        if _ab_extent(blocks, j, stop) or _PS.match(blocks[j].text):
            return 0
    return 0


def _ab_extent(blocks: list[Block], k: int, stop: int) -> int:
    """How many blocks from ``k`` form a stamp or a distribution list (0 if ``blocks[k]`` starts neither)."""
    first = blocks[k].one_line
    if STAMP.match(first):
        depth, n = 0, 0
        while k + n < stop:
            depth += blocks[k + n].text.count("[") - blocks[k + n].text.count("]")
            n += 1
            if depth <= 0 or n >= 6:
                break
        return n
    if DISTRIBUTION_HEAD.match(first):
        n = 1
        while k + n < stop and _short_lines(blocks[k + n]):
            n += 1
        return n
    return 0


def _short_lines(b: Block) -> bool:
    """A block of list-like lines (names, copy numbers), none of them prose."""
    return all(len(ln.strip()) <= 60 for ln in b.text.splitlines()) and not looks_like_prose(b)


def _ab(blocks: list[Block], linker: NoteLinker) -> etree._Element:
    """``ab[@type=stamp|distribution]``; a distribution's lines become a list."""
    kind = "stamp" if STAMP.match(blocks[0].one_line) else "distribution"
    if kind == "stamp":
        ab = E.ab(type="stamp")
        for i, b in enumerate(blocks):
            if i:
                ab.append(E.lb())  # a blank line inside the stamp
            linker.fill(ab, b.text, b.line)
        return ab
    lines = [ln.strip() for b in blocks for ln in b.text.splitlines() if ln.strip()]
    ab = E.ab(type="distribution")
    ab.text = lines[0]
    if len(lines) > 1:
        ab.append(E.list(*(E.item(ln) for ln in lines[1:])))
    return ab


STRUCTURE_STATEMENT = (
    "Divisions, openers, closers, lists, stamps and distribution lists were recognised by teiedit from the "
    "layout of the plaintext; numbered items keep their numbers in the text and in @n."
)
NOTES_STATEMENT = (
    "Footnotes of the source are placed at their markers (note[@place='foot'], the marker's number in @n); "
    "note texts without a marker are kept in back as note[@type='orphan']; both are listed in the "
    "conversion report."
)
WEB_STATEMENT = (
    "Web-site furniture (navigation, funder and rights statements, information-panel labels, shop and "
    "login panels) is not part of the text; it is listed with reasons in the conversion report."
)


def editorial_statements(*, web: bool = False, notes: bool = False) -> list[str]:
    """editorialDecl paragraphs saying what the conversion did to the text."""
    return [
        STRUCTURE_STATEMENT,
        *([NOTES_STATEMENT] if notes else []),
        *([WEB_STATEMENT] if web else []),
    ]


def _dateline(b: Block) -> tuple[etree._Element, FoundDate, str] | None:
    """A ``dateline`` for a block that is a date, or a place and a date; with the date and the place."""
    d = date_line(b)
    if d:
        return E.dateline(E.date(b.text, when=d.when)), d, ""
    pd = place_date_line(b)
    if pd:
        place, at, found = pd
        el = E.dateline(E.placeName(place), E.date(b.text[at:], when=found.when))
        el[0].tail = b.text[len(place) : at]
        return el, found, place
    return None


def _closer_like(b: Block) -> bool:
    return len(b.one_line) <= 200 and bool(
        SIGNED.match(b.one_line) or EDITORIAL_STATEMENT.search(b.text)
    )


_NAME_PART = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]\.(?:[A-Z]\.)*)$")
_ROLE_WORDS = re.compile(
    r"^(?:Ambassador|Minister|Chairman|Chairwoman|Secretary|President|Director|Consul|"
    r"Counsellor|Counselor|Premier|General|Comrade|Cde\.?|Deputy|Vice|Head|Chief|Envoy|"
    r"Attaché|Officer|Leader|Commander|Marshal|Colonel|Captain)$"
)


def personal_name(text: str) -> str:
    """The name at the end of a "role + name" phrase ("DPRK Ambassador to the USSR Ri Sang-jo" -> "Ri
    Sang-jo"); the whole text when it has no such tail (a bare name, or an organisation)."""
    tokens = text.split()
    run = 0
    for tok in reversed(tokens):
        if not _NAME_PART.match(tok) or _ROLE_WORDS.match(tok) or ORG_WORDS.match(tok):
            break
        run += 1
    before = tokens[-run - 1] if run < len(tokens) else ""
    if before.endswith(",") and _ROLE_WORDS.match(before.rstrip(",")):
        return text  # "Chief, Harbour Section": one office, the rank before its unit
    if 2 <= run < len(tokens) and run <= 4 and before.lower() not in _OFFICE_LINKS:
        return " ".join(tokens[-run:])
    return text


#: Words that tie an office to its field ("Assistant Secretary for Economic Affairs"): the capitalised
#: words after them name the field, not a person.
_OFFICE_LINKS = frozenset({"for", "of", "on", "für", "pour"})


def corresp_desc(title: str, date: FoundDate | None, place: str = "") -> etree._Element | None:
    """correspDesc for a letter whose title names sender and addressee ("Letter from X to Y")."""
    m = letter_title(title)
    if not m:
        return None
    sender = m["sender"].strip(" ,")
    addressee = m["addressee"].strip(" ,.*")

    def agent(name: str) -> etree._Element:
        person = personal_name(name)
        if person != name or not ORG_WORDS.search(name):
            return E.persName(person)
        return E.orgName(name)

    sent = E.correspAction(agent(sender), type="sent")
    if place:
        sent.append(E.placeName(place))
    if date is not None:
        sent.append(E.date(date.text, when=date.when))
    return E.correspDesc(sent, E.correspAction(agent(addressee), type="received"))

"""A compact summary of one document, computed once per document: what the site-level pages (index,
timeline, registers, entity pages, search facets) need of it, so that they are built from a list of
summaries and never from all trees at once.

``summarise(doc)`` reads one loaded document (anything with ``root``, ``page`` and ``facts``: an
``EditionDoc``); :meth:`Summary.to_dict` / :meth:`Summary.from_dict` make it cacheable as JSON, so a
build that streams documents (or runs them on other machines) can keep each summary beside the
document's page and redo only the summaries of changed documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from lxml import etree

from teiedit.document import TEI_NS, local_name, register_pointer, tei, xpath
from teiedit.facts import DocumentFacts, mention_anchors, normalize_space

#: Characters of context kept on each side of a mention (cut at a word).
CONTEXT = 60

#: Elements whose text is the context of a mention inside them (the innermost one counts).
CONTEXT_BLOCKS = frozenset(
    {
        *("p", "head", "item", "l", "ab", "note", "cell", "dateline", "salute", "signed"),
        *("byline", "trailer", "docAuthor", "docDate", "label", "figDesc", "bibl", "quote"),
    }
)
_HIDDEN = {"sic": "corr", "orig": "reg", "abbr": "expan"}
_CORRESP = "tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='{}']"
_PARTY = "*[self::tei:persName or self::tei:orgName or self::tei:name]"


class SummarySource(Protocol):
    """What :func:`summarise` reads: a loaded document (teiedit.edition.EditionDoc)."""

    @property
    def root(self) -> etree._Element: ...

    @property
    def page(self) -> str: ...

    @property
    def facts(self) -> DocumentFacts: ...


@dataclass(frozen=True)
class Party:
    """A sender, author or addressee: the register entry it points to ('' when none) and its name."""

    ref: str
    name: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text pointing to a register entry: where it is on the document page (the HTML id
    of the name), how it is written (corrected reading) and its context on each side. A loaded
    edition's summaries hold only the entry (:func:`compact`); the rest is read when a page shows it."""

    entry: str
    anchor: str
    text: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Summary:
    """What the site pages know of one document."""

    page: str  # the page name (``<page>.html``)
    title: str  # display title
    date: str  # the header's date (ISO) or ''
    sort_date: str  # where it stands in the edition's order
    kind: str  # kind as shown
    kind_class: str  # kind as a token
    source: str = ""  # the source in one line
    senders: tuple[Party, ...] = ()  # senders of a letter, else authors
    addressees: tuple[Party, ...] = ()
    mentions: tuple[Mention, ...] = ()
    imported: bool = False
    extra: dict[str, str] = field(default_factory=dict)  # room for later facts, kept in the cache

    @property
    def year(self) -> str:
        found = re.match(r"^(-?\d{4})", self.date)
        return found.group(1) if found else ""

    def entries(self) -> list[str]:
        """The register entries the document names (text and correspondents), each once, in order."""
        ids = [m.entry for m in self.mentions]
        ids += [p.ref for p in (*self.senders, *self.addressees) if p.ref]
        return list(dict.fromkeys(ids))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        return cls(
            page=str(data["page"]),
            title=str(data["title"]),
            date=str(data["date"]),
            sort_date=str(data["sort_date"]),
            kind=str(data["kind"]),
            kind_class=str(data["kind_class"]),
            source=str(data.get("source", "")),
            senders=tuple(Party(**p) for p in data.get("senders", ())),
            addressees=tuple(Party(**p) for p in data.get("addressees", ())),
            mentions=tuple(
                bare(m) if isinstance(m, str) else Mention(**m) for m in data.get("mentions", ())
            ),
            imported=bool(data.get("imported", False)),
            extra={str(k): str(v) for k, v in data.get("extra", {}).items()},
        )


#: One mention without its context per entry: the compact summaries of an edition share them.
_BARE: dict[str, Mention] = {}


def bare(entry: str) -> Mention:
    """The mention of ``entry`` without anchor, text or context (one object per entry)."""
    found = _BARE.get(entry)
    if found is None:
        if len(_BARE) > 200_000:  # made-up ids do not grow it without end
            _BARE.clear()
        found = _BARE[entry] = Mention(entry, "", "")
    return found


#: A mention's anchor, text and context, as kept apart from its summary.
Context = tuple[str, str, str, str]


def compact(summary: dict[str, Any]) -> tuple[dict[str, Any], list[Context]]:
    """A summary (as :meth:`Summary.to_dict` gives it) with each mention only its entry, and the
    mentions' anchors, texts and contexts in order: what the site pages need of every document at once
    is small, the contexts only an entity page shows (teiedit/mention_store.py keeps them)."""
    if not summary:
        return summary, []
    mentions = summary.get("mentions", ())
    contexts = [(m["anchor"], m["text"], m["before"], m["after"]) for m in mentions]
    return {**summary, "mentions": [m["entry"] for m in mentions]}, contexts


def summarise(doc: SummarySource, *, imported: bool = False) -> Summary:
    """The summary of one loaded document."""
    root, facts = doc.root, doc.facts
    return Summary(
        page=doc.page,
        title=facts.display_title,
        date=facts.date,
        sort_date=facts.sort_date,
        kind=facts.kind,
        kind_class=facts.kind_class,
        source=source_line(root),
        senders=tuple(senders(root)),
        addressees=tuple(_parties(xpath(root, f"{_CORRESP.format('received')}/{_PARTY}"))),
        mentions=tuple(mentions(root)),
        imported=bool(getattr(doc, "imported", imported)),
    )


def _parties(elements: list[etree._Element]) -> Iterator[Party]:
    for el in elements:
        name = normalize_space("".join(el.itertext()))
        ref = register_pointer(el.get("ref"))
        if name or ref:
            yield Party(ref, name)


def senders(root: etree._Element) -> list[Party]:
    """Senders of a letter, else the authors of the title statement."""
    sent = xpath(root, f"{_CORRESP.format('sent')}/{_PARTY}")
    if sent:
        return list(_parties(sent))
    return list(_parties(xpath(root, "tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author")))


def _spaced(el: etree._Element) -> str:
    """A header element's text with a space between its parts (a bibl's author, title and date)."""
    text = normalize_space(" ".join(t for t in el.itertext()))
    return re.sub(r" ([,.;:)])", r"\1", text)


def _ms_identifier(ident: etree._Element | None) -> str:
    """An archival shelfmark in one line; typed idnos get their type as a label, a part said twice once."""
    if ident is None:
        return ""
    parts: list[str] = []
    for p in ident:
        if not isinstance(p.tag, str) or not normalize_space("".join(p.itertext())):
            continue
        text = normalize_space("".join(p.itertext()))
        kind = p.get("type") or ""
        if local_name(p) == "idno" and kind and kind not in ("shelfmark", "callNumber", "URI"):
            text = f"{kind[:1].upper()}{kind[1:]} {text}"
        if text.lower() not in (q.lower() for q in parts):
            parts.append(text)
    return ", ".join(parts)


#: Lists in a sourceDesc whose items are sources of their own.
_SOURCE_LISTS = frozenset({tei("listWit"), tei("listBibl")})


def source_line(root: etree._Element) -> str:
    """The source of a document in one line: an archival citation, else the source's text."""
    out = []
    for s in xpath(root, "tei:teiHeader/tei:fileDesc/tei:sourceDesc/*"):
        if s.tag == tei("msDesc"):
            out.append(_ms_identifier(s.find(tei("msIdentifier"))))
        elif s.tag in _SOURCE_LISTS:
            # a critical edition's witnesses (or a list of sources): one after the other, not run on
            for w in s:
                if not isinstance(w.tag, str) or w.tag == tei("head"):
                    continue
                ms = w.find(tei("msDesc"))
                out.append(
                    _ms_identifier(ms.find(tei("msIdentifier"))) if ms is not None else _spaced(w)
                )
        else:
            out.append(_spaced(s))
    return "; ".join(t for t in out if t)


def _reading(el: etree._Element, top: bool = True) -> Iterator[tuple[str, etree._Element]]:
    """The corrected reading of ``el`` as (text, element holding it) pieces; notes inside are left out
    (each is a context of its own), so are the source's errors that a correction replaces."""
    if not top:
        name = local_name(el)
        if name == "note" and etree.QName(el).namespace == TEI_NS:
            return
        parent = el.getparent()
        partner = _HIDDEN.get(name)
        if (
            partner
            and parent is not None
            and local_name(parent) == "choice"
            and parent.find(tei(partner)) is not None
        ):
            return
    if el.text:
        yield el.text, el
    for child in el:
        if isinstance(child.tag, str):
            yield from _reading(child, top=False)
        if child.tail:
            yield child.tail, el


def _cut_left(text: str) -> str:
    text = normalize_space(text)
    if len(text) <= CONTEXT:
        return text
    piece = text[-CONTEXT:]
    return "\u2026" + (piece.split(" ", 1)[1] if " " in piece else piece)


def _cut_right(text: str) -> str:
    text = normalize_space(text)
    if len(text) <= CONTEXT:
        return text
    piece = text[:CONTEXT]
    return (piece.rsplit(" ", 1)[0] if " " in piece else piece) + "\u2026"


def _block(el: etree._Element) -> etree._Element:
    for a in el.iterancestors():
        if local_name(a) in CONTEXT_BLOCKS or local_name(a) == "text":
            return a
    parent = el.getparent()
    return parent if parent is not None else el


def mentions(root: etree._Element) -> list[Mention]:
    """Every name of the text that points to a register entry (``@ref="#id"``, or ``"persons.xml#id"``
    into a register file), in document order, with
    its HTML id on the document page and a short context in the corrected reading."""
    anchored = [(el, anchor) for el, anchor in mention_anchors(root) if anchor]
    by_block: dict[etree._Element, list[etree._Element]] = {}
    for el, _ in anchored:
        by_block.setdefault(_block(el), []).append(el)
    spans: dict[etree._Element, tuple[str, str, str]] = {}
    for block, names in by_block.items():
        wanted = set(names)
        pieces: list[str] = []
        starts: dict[etree._Element, int] = {}
        ends: dict[etree._Element, int] = {}
        pos = 0
        for text, holder in _reading(block):
            inside = {a for a in (holder, *holder.iterancestors()) if a in wanted}
            for name in inside:
                starts.setdefault(name, pos)
                ends[name] = pos + len(text)
            pieces.append(text)
            pos += len(text)
        whole = "".join(pieces)
        for name in names:
            if name not in starts:
                spans[name] = (normalize_space("".join(name.itertext())), "", "")
                continue
            s, e = starts[name], ends[name]
            spans[name] = (
                normalize_space(whole[s:e]),
                _cut_left(whole[:s]),
                _cut_right(whole[e:]),
            )
    out = []
    for el, anchor in anchored:
        text, before, after = spans[el]
        out.append(Mention(register_pointer(el.get("ref")), anchor, text, before, after))
    return out

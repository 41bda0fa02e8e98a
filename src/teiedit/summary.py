"""A compact summary of one document: what site-level pages need of it, computed once per document in
the stream of a build (and kept in the scan cache), so that nothing needs every tree at once.

A minimal stand-in with the shape of the web edition's summary (``summarise(doc) -> Summary``,
``Summary.to_dict``/``from_dict``): the facts and the correspondents; mentions are left empty here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from lxml import etree

from teiedit.document import xpath
from teiedit.facts import DocumentFacts, normalize_space

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


@dataclass(frozen=True)
class Mention:
    """A name in the text pointing to a register entry."""

    entry: str
    anchor: str
    text: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class Summary:
    """What the site pages know of one document."""

    page: str
    title: str
    date: str
    sort_date: str
    kind: str
    kind_class: str
    source: str = ""
    senders: tuple[Party, ...] = ()
    addressees: tuple[Party, ...] = ()
    mentions: tuple[Mention, ...] = ()
    imported: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> str:
        found = re.match(r"^(-?\d{4})", self.date)
        return found.group(1) if found else ""

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
            mentions=tuple(Mention(**m) for m in data.get("mentions", ())),
            imported=bool(data.get("imported", False)),
            extra={str(k): str(v) for k, v in data.get("extra", {}).items()},
        )


def _parties(elements: list[etree._Element]) -> tuple[Party, ...]:
    out = []
    for el in elements:
        first = (el.get("ref") or "").split()
        ref = first[0][1:] if first and first[0].startswith("#") else ""
        name = normalize_space("".join(el.itertext()))
        if name or ref:
            out.append(Party(ref, name))
    return tuple(out)


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
        senders=_parties(xpath(root, f"{_CORRESP.format('sent')}/{_PARTY}")),
        addressees=_parties(xpath(root, f"{_CORRESP.format('received')}/{_PARTY}")),
        imported=bool(getattr(doc, "imported", imported)),
    )

"""What the harvesting records (builders/site/records.py: JSON-LD, OAI-PMH, DTS, IIIF) and the web
pages' images read of a document's tree, taken in the same pass as its record (teiedit/scan.py), so that
a build whose files did not change reads them from the record cache instead of parsing every document.

Only what the tree says is kept here; what the registers and the settings add (an entry's name, the
edition's language, the site's URLs) is applied when the records are made, so a changed register or
setting never meets a stale fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from teiedit.document import TEI_NS, XML_LANG, text_of, xpath

NS = {"tei": TEI_NS}
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
_HEADER = "tei:teiHeader"
_SENT = (
    f"{_HEADER}/tei:profileDesc/tei:correspDesc/tei:correspAction[@type='sent']"
    "/*[self::tei:persName or self::tei:orgName or self::tei:name]"
)

#: A name in a header: its ``@ref`` as written and its text with whitespace normalised.
Name = tuple[str, str]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _names(root: etree._Element, expr: str) -> tuple[Name, ...]:
    return tuple((el.get("ref") or "", _norm(text_of(el))) for el in xpath(root, expr))


@dataclass(frozen=True)
class HeaderFacts:
    """A document's header as the harvesting formats read it, and the image URLs it names."""

    senders: tuple[Name, ...] = ()
    addressees: tuple[Name, ...] = ()
    authors: tuple[Name, ...] = ()
    languages: tuple[str, ...] = ()  # langUsage/language/@ident, in order
    text_lang: str = ""  # text/@xml:lang
    root_lang: str = ""  # the root's xml:lang
    abstract: str = ""
    uri: str = ""  # publicationStmt/idno[@type=URI]
    changed: str = ""  # the last day of revisionDesc's changes, YYYY-MM-DD
    images: tuple[str, ...] = ()  # graphic/@url and @facs URLs (no fragment pointers), each once

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HeaderFacts:
        def names(key: str) -> tuple[Name, ...]:
            return tuple((str(r), str(t)) for r, t in data[key])

        return cls(
            senders=names("senders"),
            addressees=names("addressees"),
            authors=names("authors"),
            languages=tuple(str(v) for v in data["languages"]),
            text_lang=str(data["text_lang"]),
            root_lang=str(data["root_lang"]),
            abstract=str(data["abstract"]),
            uri=str(data["uri"]),
            changed=str(data["changed"]),
            images=tuple(str(v) for v in data["images"]),
        )


def image_urls(root: etree._Element) -> tuple[str, ...]:
    """URLs of images in a document, in document order, each once."""
    found: dict[str, None] = {}
    for value in root.xpath(".//tei:graphic/@url | .//@facs", namespaces=NS):
        for token in str(value).split():
            if not token.startswith("#"):
                found.setdefault(token, None)
    return tuple(found)


def header_facts(root: etree._Element) -> HeaderFacts:
    """The header facts of one parsed document."""
    langs = root.xpath(
        f"{_HEADER}/tei:profileDesc/tei:langUsage/tei:language/@ident", namespaces=NS
    )
    abstract = " ".join(
        _norm(text_of(p)) for p in xpath(root, f"{_HEADER}/tei:profileDesc/tei:abstract")
    )
    uri = root.xpath(
        f"string({_HEADER}/tei:fileDesc/tei:publicationStmt/tei:idno[@type='URI'])", namespaces=NS
    )
    days = sorted(
        m.group(1)
        for v in root.xpath(f"{_HEADER}/tei:revisionDesc//tei:change/@when", namespaces=NS)
        if (m := _DAY.match(str(v)))
    )
    return HeaderFacts(
        senders=_names(root, _SENT),
        addressees=_names(root, _SENT.replace("'sent'", "'received'")),
        authors=_names(root, f"{_HEADER}/tei:fileDesc/tei:titleStmt/tei:author"),
        languages=tuple(str(v) for v in langs),
        text_lang=str(root.xpath("string(tei:text/@xml:lang)", namespaces=NS)),
        root_lang=root.get(XML_LANG) or "",
        abstract=abstract,
        uri=_norm(str(uri)),
        changed=days[-1] if days else "",
        images=image_urls(root),
    )

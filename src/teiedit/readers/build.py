"""Assemble a TEI document from a header description and text parts; helpers shared by readers."""

from __future__ import annotations

from lxml import etree

from teiedit.config import Edition
from teiedit.document import XML_ID, XML_LANG, E, TeiDocument
from teiedit.readers.base import Source
from teiedit.readers.header import HeaderInfo, build_header


def header_info(source: Source, title: str, **kw: object) -> HeaderInfo:
    """A HeaderInfo with the source's file name, checksum and encoding decision filled in."""
    return HeaderInfo(title=title[:300], source_filename=source.filename, source_sha256=source.sha256,
                      encoding_decision=source.encoding_decision, **kw)  # type: ignore[arg-type]


def make_tei(
    doc_id: str,
    info: HeaderInfo,
    edition: Edition,
    body: etree._Element,
    *,
    front: etree._Element | None = None,
    back: etree._Element | None = None,
) -> TeiDocument:
    """A TEI document: header from ``info``; text from front/body/back (empty parts left out)."""
    if len(body) == 0:
        body.append(E.p())
    text = E.text()
    if front is not None and len(front):
        text.append(front)
    text.append(body)
    if back is not None and len(back):
        text.append(back)
    root = E.TEI(build_header(info, edition, doc_id), text)
    root.set(XML_ID, doc_id)
    root.set(XML_LANG, info.language)
    return TeiDocument(tree=etree.ElementTree(root), name=doc_id)


def para(text: str) -> etree._Element:
    return E.p(text)

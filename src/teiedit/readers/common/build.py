"""Assemble a TEI document from a header description and text parts; helpers shared by readers."""

from __future__ import annotations

from lxml import etree

from teiedit.config import Edition
from teiedit.document import XML_ID, XML_LANG, E, TeiDocument, local_name, tei
from teiedit.readers.base import Source
from teiedit.readers.common.header import HeaderInfo, build_header


def header_info(source: Source, title: str, **kw: object) -> HeaderInfo:
    """A HeaderInfo with the source's file name, checksum and encoding decision filled in."""
    info = HeaderInfo(
        title=title[:300],
        source_filename=source.filename,
        source_sha256=source.sha256,
        encoding_decision=source.encoding_decision,
    )
    for key, value in kw.items():
        if not hasattr(info, key):
            raise TypeError(f"HeaderInfo has no field {key!r}")
        setattr(info, key, value)
    return info


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
    for part in (front, body, back):
        if part is not None:
            for div in [*([part] if part is body else []), *part.iter(tei("div"))]:
                ensure_content(div)
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


_TOP = frozenset(
    {
        "head",
        "opener",
        "byline",
        "dateline",
        "salute",
        "docDate",
        "docAuthor",
        "argument",
        "epigraph",
        "note",
        "titlePage",
    }
)
_BOTTOM = frozenset({"closer", "postscript", "trailer", "signed"})


def ensure_content(div: etree._Element) -> None:
    """Give a body with no content, or a division with a closer but no content, an empty ``p``.

    TEI requires some content between a division's top and bottom; a source whose document is only a
    title and a signature still has to give valid TEI. The empty ``p`` adds no text.
    """
    names = [local_name(c) for c in div]
    if any(n not in _TOP and n not in _BOTTOM for n in names):
        return
    if local_name(div) == "div" and not any(n in _BOTTOM for n in names):
        return  # a division may be only headings (but a body may not, nor a closer without content)
    first_bottom = next((i for i, n in enumerate(names) if n in _BOTTOM), len(names))
    div.insert(first_bottom, E.p())
